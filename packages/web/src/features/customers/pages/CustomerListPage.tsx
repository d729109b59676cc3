import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Typography } from 'antd';
import { useState, type Key } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session';
import { useCustomerList } from '../api';
import { CustomerFilters } from '../components/CustomerFilters';
import { CustomerTable } from '../components/CustomerTable';
import { SelectionActions } from '../components/SelectionActions';
import { LIST_NAMES, useListParams } from '../use-list-params';

/** 客户档案: search as you type, filters, the named lists, cursor paging, and bulk assignment. */
export function CustomerListPage() {
  const t = useT();
  const { can } = useSession();
  const { params, setFilter, clearFilters } = useListParams();
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 200);
  const list = useCustomerList({ ...params, q: q || undefined });
  const [selected, setSelected] = useState<Key[]>([]);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canAssign = can('customer:assign');

  const tabs = [{ key: 'all', label: t('customers.list.all') }, ...LIST_NAMES.map((name) => ({ key: name, label: t(`customers.list.${name}`) }))];
  return (
    <>
      <PageHeader
        title={params.list ? t(`customers.list.${params.list}`) : t('customers.title')}
        extra={
          can('customer:create') ? (
            <Link to="/customers/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="customer-new">
                {t('customers.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={params.list ?? 'all'} items={tabs} onChange={(key) => setFilter('list', key === 'all' ? undefined : key)} />
        <CustomerFilters query={query} onQuery={setQuery} params={params} setFilter={setFilter} clearFilters={clearFilters} searching={list.isFetching} />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Space style={{ marginBottom: 8, minHeight: 32 }}>
          <Typography.Text type="secondary">{t('customers.count', { count: items.length })}</Typography.Text>
          {canAssign ? <SelectionActions selected={selected.map(String)} onClear={() => setSelected([])} /> : null}
        </Space>
        <CustomerTable
          items={items}
          loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
          list={params.list}
          selectable={canAssign}
          selected={selected}
          onSelect={setSelected}
          emptyText={q ? t('customers.emptySearch', { q }) : t('common.empty')}
        />
        {items.length ? (
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => void list.fetchNextPage()}
            moreText={t('common.loadMore')}
            doneText={t('common.noMore')}
          />
        ) : null}
      </Card>
    </>
  );
}
