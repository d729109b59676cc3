import { Card, Tabs, Typography } from 'antd';
import { useT } from '../../app/i18n/use-t';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/session';
import { ExportTable } from './ExportTable';
import { RequestForm } from './RequestForm';

/** 导出申请: ask for an export (with the list's filters from the URL), follow my requests, and approve (managers). */
export function ExportsPage() {
  const t = useT();
  const { can } = useSession();
  const items = [
    ...(can('customer:export_request')
      ? [
          { key: 'new', label: t('export.new'), children: <RequestForm /> },
          { key: 'mine', label: t('export.mine'), children: <ExportTable scope="mine" /> },
        ]
      : []),
    ...(can('customer:export_approve')
      ? [
          { key: 'pending', label: t('export.pending'), children: <ExportTable scope="pending" /> },
          { key: 'all', label: t('export.all'), children: <ExportTable scope="all" /> },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('export.title')}>
        <Typography.Text type="secondary">{t('export.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Tabs items={items} destroyOnHidden />
      </Card>
    </>
  );
}
