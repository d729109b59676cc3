import { SearchOutlined } from '@ant-design/icons';
import { LIFECYCLE_STATES } from '@kefu/shared/customer-lifecycle';
import { Button, Input, Select, Space } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';
import { useCategories, useStaff, type CustomerListParams } from '../api';
import { useCustomerLabels } from '../labels';
import type { FilterKey } from '../use-list-params';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  params: Omit<CustomerListParams, 'q'>;
  setFilter: (key: FilterKey, value: string | undefined) => void;
  clearFilters: () => void;
  searching: boolean;
}

/** The one search box (searches as the agent types) and the filters of the customer list. */
export function CustomerFilters({ query, onQuery, params, setFilter, clearFilters, searching }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const categories = useCategories();
  const { can } = useSession();
  const seesAll = can('customer:read_all');
  const staff = useStaff();
  const options = (kind: 'class' | 'tier') =>
    (categories.data ?? [])
      .filter((c) => c.kind === kind && c.active)
      .map((c) => ({ value: c.code, label: kind === 'tier' ? labels.tier(c.code) : labels.cls(c.code) }));
  const ownerOptions = [
    { value: 'me', label: t('customers.owner.me') },
    { value: 'none', label: t('customers.owner.none') },
    ...(staff.data ?? []).map((s) => ({ value: s.id, label: s.agentNo ? `${s.displayName}（${s.agentNo}）` : s.displayName })),
  ];
  const hasFilters = !!(params.lifecycle || params.tierCode || params.classCode || params.ownerId || params.tag);

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12, width: '100%' }}>
      <Input
        allowClear
        autoFocus
        size="middle"
        style={{ width: 360 }}
        prefix={<SearchOutlined style={{ color: searching ? '#1f6feb' : '#bfbfbf' }} />}
        placeholder={t('customers.searchPlaceholder')}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        data-testid="customer-search"
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('customers.filter.lifecycle')}
        value={params.lifecycle}
        onChange={(v?: string) => setFilter('lifecycle', v)}
        options={LIFECYCLE_STATES.map((s) => ({ value: s, label: labels.lifecycle(s) }))}
        data-testid="filter-lifecycle"
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('customers.filter.tier')}
        value={params.tierCode}
        onChange={(v?: string) => setFilter('tierCode', v)}
        options={options('tier')}
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('customers.filter.class')}
        value={params.classCode}
        onChange={(v?: string) => setFilter('classCode', v)}
        options={options('class')}
      />
      {seesAll ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          placeholder={t('customers.filter.owner')}
          value={params.ownerId}
          onChange={(v?: string) => setFilter('ownerId', v)}
          options={ownerOptions}
        />
      ) : null}
      <Input.Search
        allowClear
        style={{ width: 150 }}
        placeholder={t('customers.filter.tag')}
        defaultValue={params.tag}
        onSearch={(v) => setFilter('tag', v.trim() || undefined)}
        key={params.tag ?? ''}
      />
      {hasFilters ? <Button onClick={clearFilters}>{t('common.reset')}</Button> : null}
    </Space>
  );
}
