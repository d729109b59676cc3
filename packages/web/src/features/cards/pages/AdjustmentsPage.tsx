import { ADJUSTMENT_STATES } from '@kefu/shared/card';
import { Card as Panel, Segmented, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatAmount } from '../amounts';
import { useAdjustments, useCardTypes, type AdjustmentState, type CardAdjustment } from '../api';
import { AdjustmentActions } from '../components/AdjustmentActions';
import { LedgerCheck } from '../components/LedgerCheck';

/** 调整审批: adjustments asked by one person wait for another; the ledger check beside them. */
export function AdjustmentsPage() {
  const t = useT();
  const [state, setState] = useState<AdjustmentState>('pending');
  const list = useAdjustments(state);
  const types = useCardTypes();
  // a card number starts with its type's prefix (HY-000123), and prefixes are unique: it tells the unit
  const unitOf = (number: string) => types.data?.items.find((ct) => number.startsWith(`${ct.prefix}-`))?.unit;
  return (
    <>
      <PageHeader title={t('cards.adjustments.title')} extra={<LedgerCheck />}>
        <Typography.Text type="secondary">{t('cards.adjustments.help')}</Typography.Text>
      </PageHeader>
      <Panel variant="borderless">
        <Segmented<AdjustmentState>
          value={state}
          onChange={setState}
          options={ADJUSTMENT_STATES.map((s) => ({ value: s, label: t(`cards.adjustments.state.${s}`) }))}
          style={{ marginBottom: 12 }}
        />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<CardAdjustment>
          rowKey="id"
          size="small"
          data-testid="adjustments"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('cards.adjustments.empty') }}
          columns={[
            { key: 'number', title: t('cards.col.number'), render: (_, a) => <Link to={`/cards/${a.cardId}`}>{a.cardNumber}</Link> },
            { key: 'customer', title: t('cards.col.customer'), dataIndex: 'customerName' },
            {
              key: 'amount',
              title: t('cards.ledger.amount'),
              align: 'right',
              render: (_, a) => {
                const unit = unitOf(a.cardNumber);
                return unit ? formatAmount(t, a.amount, unit, true) : '';
              },
            },
            { key: 'reason', title: t('cards.adjustments.reason'), dataIndex: 'reason' },
            { key: 'by', title: t('cards.adjustments.requestedBy'), dataIndex: 'requestedByName' },
            { key: 'at', title: t('cards.adjustments.requestedAt'), render: (_, a) => dayjs(a.requestedAt).format('YYYY-MM-DD HH:mm') },
            state === 'pending'
              ? { key: 'decide', title: '', render: (_, a) => <AdjustmentActions adjustment={a} /> }
              : { key: 'decided', title: t('cards.adjustments.decidedBy'), render: (_, a) => a.decidedByName ?? '' },
          ]}
        />
      </Panel>
    </>
  );
}
