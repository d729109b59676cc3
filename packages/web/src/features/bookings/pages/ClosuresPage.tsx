import type { Closure } from '@kefu/shared/booking';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useDepartmentTimeZone, useResources } from '../api';
import { clockText } from '../slots';

type Row = Closure & { resourceName: string };

/** 维护通知: every closure to come or running, each opening its affected bookings (for whoever calls the customers). */
export function ClosuresPage() {
  const t = useT();
  const tz = useDepartmentTimeZone() ?? 'Asia/Shanghai';
  const resources = useResources(true);
  const rows: Row[] = (resources.data?.items ?? [])
    .flatMap((r) => r.closures.map((c) => ({ ...c, resourceName: r.name })))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <>
      <PageHeader title={t('closure.list.title')}>
        <Typography.Text type="secondary">{t('closure.list.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={resources.error} onRetry={() => void resources.refetch()} retryText={t('common.retry')} />
        <Table<Row>
          rowKey="id"
          size="small"
          loading={resources.isPending}
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('closure.list.none') }}
          columns={[
            { key: 'resource', title: t('waitlist.col.resource'), dataIndex: 'resourceName' },
            { key: 'when', title: t('closure.when'), render: (_, c) => `${clockText(c.startsAt, tz)} – ${clockText(c.endsAt, tz)}` },
            { key: 'reason', title: t('resources.closure.reason'), dataIndex: 'reason' },
            {
              key: 'open',
              title: '',
              render: (_, c) => (
                <Link to={`/bookings/closures/${c.id}`} data-testid={`closure-open-${c.id}`}>
                  {t('closure.list.open')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
