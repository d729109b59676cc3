import { GROUP_STATUS_LABELS, GROUP_STATUSES, type GroupBookingListItem, type GroupStatus } from '@kefu/shared/group-booking';
import { Button, Card, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { downloadFile, withQuery } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone } from '../../bookings/api';
import { clockText } from '../../bookings/slots';
import { useGroupList } from '../api';
import { GroupFormDialog } from '../components/GroupFormDialog';

const STATUS_COLORS: Record<GroupStatus, string> = { booked: 'blue', cancelled: 'default', done: 'green' };

export function GroupStatusTag({ status }: { status: GroupStatus }) {
  const { lang } = useLang();
  return <Tag color={STATUS_COLORS[status]}>{GROUP_STATUS_LABELS[status][lang]}</Tag>;
}

/** 团体预约: the groups, the nearest day first; how far each one's checklist has come. */
export function GroupListPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { can } = useSession();
  const timeZone = useDepartmentTimeZone();
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<GroupStatus | undefined>(undefined);
  const q = useDebouncedValue(typed.trim(), 250);
  const list = useGroupList(q, status);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const exporting = useMutation({ mutationFn: () => downloadFile(withQuery('/api/v1/group-bookings/export.xlsx', { q: q || undefined, status })) });

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        extra={
          <Space>
            <Button loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="group-export">
              {t('groups.export')}
            </Button>
            {can('booking:take') ? (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="group-new">
                {t('groups.new')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('groups.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('groups.search')} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 280 }} />
          <Select
            allowClear
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            placeholder={t('groups.col.status')}
            options={GROUP_STATUSES.map((s) => ({ value: s, label: GROUP_STATUS_LABELS[s][lang] }))}
          />
        </Space>
        <ErrorAlert error={list.error ?? exporting.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<GroupBookingListItem>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('groups.none') }}
          data-testid="group-table"
          columns={[
            { title: t('groups.col.number'), dataIndex: 'number', width: 170, render: (n: string, g) => <Link to={`/group-bookings/${g.id}`}>{n}</Link> },
            { title: t('groups.col.name'), dataIndex: 'name' },
            { title: t('groups.col.organiser'), dataIndex: 'organiserName', width: 120 },
            { title: t('groups.col.size'), dataIndex: 'size', width: 70 },
            { title: t('groups.col.startsAt'), dataIndex: 'startsAt', width: 170, render: (s: string) => (timeZone ? clockText(s, timeZone) : '') },
            { title: t('groups.col.status'), dataIndex: 'status', width: 90, render: (s: GroupStatus) => <GroupStatusTag status={s} /> },
            {
              title: t('groups.col.checklist'),
              width: 160,
              render: (_: unknown, g) => (
                <Progress
                  percent={Math.round((100 * g.checklistDone) / g.checklistTotal)}
                  format={() => `${g.checklistDone}/${g.checklistTotal}`}
                  size="small"
                />
              ),
            },
          ]}
        />
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
          moreText={t('common.loadMore')}
          doneText={t('common.noMore')}
        />
      </Card>
      {creating && timeZone ? (
        <GroupFormDialog timeZone={timeZone} onClose={() => setCreating(false)} onBooked={(g) => navigate(`/group-bookings/${g.id}`)} />
      ) : null}
    </>
  );
}
