import { Card as Panel, Input } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCardList } from '../api';
import { CardTable } from '../components/CardTable';

/** 查卡: a card by the number the customer reads out (HY-000123), or every card in number order. */
export function CardListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const debounced = useDebouncedValue(q.trim(), 300);
  const list = useCardList({ q: debounced || undefined });
  return (
    <>
      <PageHeader title={t('cards.list.title')} />
      <Panel variant="borderless">
        <Input.Search
          allowClear
          value={q}
          maxLength={20}
          placeholder={t('cards.list.search')}
          onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
          style={{ maxWidth: 360, marginBottom: 12 }}
          data-testid="card-search"
        />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <CardTable cards={list.data?.items ?? []} loading={list.isPending} emptyText={t('cards.list.empty')} />
      </Panel>
    </>
  );
}
