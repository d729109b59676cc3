import { RESOURCE_KIND_LABELS, type Resource } from '@kefu/shared/booking';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useDepartmentTimeZone, useResources } from '../api';
import { ClosureDialog } from '../components/ClosureDialog';
import { ResourceDrawer } from '../components/ResourceDrawer';
import { hoursSummary } from '../hours-form';
import { clockText } from '../slots';

/** 预约项目 (resource:manage): what can be booked, its capacity, weekly hours and maintenance closures. */
export function ResourcesPage() {
  const t = useT();
  const { lang } = useLang();
  const list = useResources(true);
  const timeZone = useDepartmentTimeZone();
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [closing, setClosing] = useState<Resource | null>(null);
  const dayNames = [0, 1, 2, 3, 4, 5, 6].map((d) => t(`resources.day.${d}` as 'resources.day.0'));
  return (
    <>
      <PageHeader
        title={t('resources.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resource-new">
            {t('resources.new')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('resources.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<Resource>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('resources.none') }}
          columns={[
            { key: 'name', title: t('resources.col.name'), dataIndex: 'name', width: 160 },
            { key: 'kind', title: t('resources.col.kind'), width: 100, render: (_, r) => RESOURCE_KIND_LABELS[r.kind][lang] },
            { key: 'capacity', title: t('resources.col.capacity'), dataIndex: 'capacity', width: 70 },
            {
              key: 'hours',
              title: t('resources.col.hours'),
              render: (_, r) => hoursSummary(r.openingHours, { days: dayNames, closed: t('resources.closed'), everyDay: t('resources.everyDay') }),
            },
            {
              key: 'closures',
              title: t('resources.col.closures'),
              render: (_, r) =>
                timeZone
                  ? r.closures.map((c) => (
                      <div key={c.id}>
                        <Link to={`/bookings/closures/${c.id}`} data-testid={`closure-open-${c.id}`}>
                          {t('resources.closure.item', { from: clockText(c.startsAt, timeZone), to: clockText(c.endsAt, timeZone), reason: c.reason })}
                        </Link>
                      </div>
                    ))
                  : null,
            },
            {
              key: 'active',
              title: t('resources.col.active'),
              render: (_, r) => (r.active ? <Tag color="green">{t('resources.active')}</Tag> : <Tag>{t('resources.inactive')}</Tag>),
            },
            {
              key: 'actions',
              title: '',
              render: (_, r) => (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('resources.edit')}
                  </Button>
                  <Button size="small" onClick={() => setClosing(r)}>
                    {t('resources.addClosure')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? <ResourceDrawer resource={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {closing ? <ClosureDialog resource={closing} onClose={() => setClosing(null)} /> : null}
    </>
  );
}
