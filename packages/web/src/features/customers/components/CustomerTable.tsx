import type { CustomerListItem } from '@kefu/shared/customer';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes, Key } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import type { CustomerListName } from '../api';
import { birthdayText, useCustomerLabels } from '../labels';
import { LifecycleTag, TierClassTags } from './CustomerTags';

interface Props {
  items: CustomerListItem[];
  loading: boolean;
  list: CustomerListName | undefined;
  selectable: boolean;
  selected: Key[];
  onSelect: (keys: Key[]) => void;
  emptyText: string;
}

/** The rows of the customer list; numbers are shown as the server gives them (masked or not). */
export function CustomerTable({ items, loading, list, selectable, selected, onSelect, emptyText }: Props) {
  const t = useT();
  const labels = useCustomerLabels();
  const birthdays = list === 'birthday_week' || list === 'birthday_month';

  const columns: TableColumnsType<CustomerListItem> = [
    {
      title: t('customers.col.name'),
      key: 'name',
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} data-testid="customer-link">
          {c.name}
          {c.title ? <Typography.Text type="secondary"> {labels.title(c.title)}</Typography.Text> : null}
        </Link>
      ),
    },
    {
      title: t('customers.col.mobile'),
      dataIndex: 'mobile',
      render: (m: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{m ?? '—'}</span>,
    },
    ...(birthdays
      ? [
          {
            title: t('customers.col.nextBirthday'),
            key: 'nextBirthday',
            render: (_: unknown, c: CustomerListItem) => (
              <span>
                {c.nextBirthday ? dayjs(c.nextBirthday).format(labels.lang === 'zh-CN' ? 'M月D日 ddd' : 'MMM D, ddd') : '—'}
                {c.birthdayLunar ? (
                  <Tag color="purple" style={{ marginLeft: 6 }}>
                    {t('customers.lunar')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          { title: t('customers.col.birthday'), key: 'birthday', render: (_: unknown, c: CustomerListItem) => birthdayText(c, labels.lang) ?? '—' },
        ]
      : []),
    { title: t('customers.col.tierClass'), key: 'tier', render: (_, c) => <TierClassTags tierCode={c.tierCode} classCode={c.classCode} /> },
    { title: t('customers.col.lifecycle'), dataIndex: 'lifecycle', render: (_, c) => <LifecycleTag state={c.lifecycle} /> },
    {
      title: t('customers.col.owner'),
      dataIndex: 'ownerName',
      render: (o: string | null) => o ?? <Typography.Text type="secondary">{t('customers.unassigned')}</Typography.Text>,
    },
    {
      title: t('customers.col.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => tags.slice(0, 3).map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      title: t('customers.col.lastContact'),
      dataIndex: 'lastContactAt',
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD') : <Typography.Text type="secondary">{t('customers.never')}</Typography.Text>),
    },
    { title: t('customers.col.createdAt'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
  ];

  return (
    <Table<CustomerListItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText }}
      rowSelection={selectable ? { selectedRowKeys: selected, onChange: onSelect, preserveSelectedRowKeys: true } : undefined}
      onRow={() => ({ 'data-testid': 'customer-row' }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: 960 }}
    />
  );
}
