import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card as Panel, Result, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { errorText, isApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useCard, useCardEntries, type CardEntry, type MovementResult } from '../api';
import { AdjustDialog } from '../components/AdjustDialog';
import { CardActions } from '../components/CardActions';
import { CardSummary } from '../components/CardSummary';
import { LedgerTable } from '../components/LedgerTable';
import { MovementDialog, type MovementMode } from '../components/MovementDialog';
import { ReceiptModal } from '../components/ReceiptModal';
import { ReverseDialog } from '../components/ReverseDialog';

/** One member card: its balance, its ledger, the movements this person may make, and a receipt after each. */
export function CardPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useSession();
  const card = useCard(id);
  const entries = useCardEntries(id);
  const [moving, setMoving] = useState<MovementMode | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [reversing, setReversing] = useState<CardEntry | null>(null);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);

  if (card.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (card.isError) {
    const notFound = isApiError(card.error) && card.error.status === 404;
    return <Result status={notFound ? '404' : 'warning'} title={errorText(card.error)} />;
  }
  const c = card.data;
  const list = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const moved = (r: MovementResult) => {
    setMoving(null);
    setReversing(null);
    setReceiptOf(r.entry.id);
  };

  return (
    <>
      <Link to={`/customers/${c.customerId}`} style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('cards.back')}
      </Link>
      <Panel variant="borderless" style={{ marginBottom: 16 }} data-testid="card-page">
        <CardSummary card={c} now={card.dataUpdatedAt} />
        <div style={{ marginTop: 16 }}>
          <CardActions card={c} now={card.dataUpdatedAt} onMove={setMoving} onAdjust={() => setAdjusting(true)} />
        </div>
      </Panel>
      <Panel variant="borderless" title={t('cards.ledger')}>
        <ErrorAlert error={entries.error} onRetry={() => void entries.refetch()} retryText={t('common.retry')} />
        <LedgerTable
          entries={list}
          unit={c.unit}
          loading={entries.isPending}
          onReceipt={(e) => setReceiptOf(e.id)}
          onReverse={can('card:approve') && c.status !== 'closed' ? setReversing : undefined}
        />
        {list.length ? (
          <LoadMore
            hasMore={!!entries.hasNextPage}
            loading={entries.isFetchingNextPage}
            onLoad={() => void entries.fetchNextPage()}
            moreText={t('common.loadMore')}
            doneText={t('common.noMore')}
          />
        ) : null}
      </Panel>
      {moving ? <MovementDialog card={c} mode={moving} onClose={() => setMoving(null)} onDone={moved} /> : null}
      {adjusting ? <AdjustDialog card={c} onClose={() => setAdjusting(false)} /> : null}
      {reversing ? <ReverseDialog entry={reversing} unit={c.unit} onClose={() => setReversing(null)} onDone={moved} /> : null}
      {receiptOf ? <ReceiptModal entryId={receiptOf} onClose={() => setReceiptOf(null)} /> : null}
    </>
  );
}
