import { PlusOutlined } from '@ant-design/icons';
import type { Category } from '@kefu/shared/settings';
import { Button, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useCategories } from '../../customers/api';
import { CategoryDialog } from './CategoryDialog';

type Kind = 'class' | 'tier';

/** The classification scheme and the tiers, each editable; ordered as they appear in pickers. */
export function CategoriesTable() {
  const t = useT();
  const categories = useCategories();
  const [kind, setKind] = useState<Kind>('class');
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const rows = (categories.data ?? []).filter((c) => c.kind === kind).sort((a, b) => a.sort - b.sort);

  const columns: TableColumnsType<Category> = [
    { title: t('archiveSettings.category.code'), dataIndex: 'code', width: 140 },
    { title: t('archiveSettings.category.labelZh'), dataIndex: 'labelZh' },
    { title: t('archiveSettings.category.labelEn'), dataIndex: 'labelEn' },
    { title: t('archiveSettings.category.description'), dataIndex: 'description', render: (d: string | null) => d ?? '—' },
    { title: t('archiveSettings.category.sort'), dataIndex: 'sort', width: 80 },
    {
      title: t('archiveSettings.category.active'),
      dataIndex: 'active',
      width: 90,
      render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, c) => (
        <Button type="link" size="small" onClick={() => setEditing(c)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as Kind)}
        items={(['class', 'tier'] as const).map((k) => ({ key: k, label: t(`archiveSettings.kind.${k}`) }))}
        tabBarExtraContent={
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="category-new">
            {t('archiveSettings.category.new')}
          </Button>
        }
      />
      <ErrorAlert error={categories.error} />
      <Table<Category> rowKey="code" size="middle" columns={columns} dataSource={rows} loading={categories.isPending} pagination={false} />
      <CategoryDialog kind={kind} category={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </>
  );
}
