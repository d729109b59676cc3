import { Alert, Button, Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useVerifyLedger, type VerifyResult } from '../api';

type Mismatch = VerifyResult['mismatches'][number];

/** The manager runs the ledger check on demand (it also runs nightly): every balance must equal the sum of its entries. */
export function LedgerCheck() {
  const t = useT();
  const verify = useVerifyLedger();
  const r = verify.data;
  const at = r ? dayjs(r.checkedAt).format('YYYY-MM-DD HH:mm:ss') : '';
  return (
    <div data-testid="ledger-check">
      <Button onClick={() => verify.mutate()} loading={verify.isPending} data-testid="ledger-check-run">
        {t('cards.verify.run')}
      </Button>
      <ErrorAlert error={verify.error} />
      {r && r.mismatches.length === 0 ? (
        <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('cards.verify.ok', { cards: r.cards, at })} data-testid="ledger-check-result" />
      ) : null}
      {r && r.mismatches.length > 0 ? (
        <>
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={t('cards.verify.bad', { cards: r.cards, count: r.mismatches.length, at })}
            data-testid="ledger-check-result"
          />
          <Table<Mismatch>
            rowKey="cardId"
            size="small"
            pagination={false}
            dataSource={r.mismatches}
            columns={[
              { key: 'number', title: t('cards.col.number'), render: (_, m) => <Link to={`/cards/${m.cardId}`}>{m.number}</Link> },
              { key: 'balance', title: t('cards.col.balance'), dataIndex: 'balance', align: 'right' },
              { key: 'sum', title: t('cards.verify.ledgerSum'), dataIndex: 'ledgerSum', align: 'right' },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
