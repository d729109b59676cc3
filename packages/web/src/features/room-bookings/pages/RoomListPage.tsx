import { ROOM_FORM_KIND_LABELS, type RoomBookingListItem, type RoomFormKind } from '@kefu/shared/room-booking';
import { Button, Card, Checkbox, Input, Space, Table, Tag, Typography } from 'antd';
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
import { useRoomList } from '../api';
import { RoomFormDialog } from '../components/RoomFormDialog';

const KIND_COLORS: Record<RoomFormKind, string> = { new: 'blue', change: 'orange', cancel: 'default' };

export function RoomKindTag({ kind, revision }: { kind: RoomFormKind; revision: number }) {
  const t = useT();
  const { lang } = useLang();
  return <Tag color={KIND_COLORS[kind]}>{t('rooms.kindRevision', { revision, kind: ROOM_FORM_KIND_LABELS[kind][lang] })}</Tag>;
}

/** 冠名房预订: the latest version of every form, latest arrival first. */
export function RoomListPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSession();
  const timeZone = useDepartmentTimeZone();
  const [typed, setTyped] = useState('');
  const [withCancelled, setWithCancelled] = useState(false);
  const q = useDebouncedValue(typed.trim(), 250);
  const list = useRoomList(q, withCancelled);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [creating, setCreating] = useState(false);
  const exporting = useMutation({
    mutationFn: () => downloadFile(withQuery('/api/v1/room-bookings/export.xlsx', { q: q || undefined, includeCancelled: withCancelled ? 'true' : undefined })),
  });

  return (
    <>
      <PageHeader
        title={t('rooms.title')}
        extra={
          <Space>
            <Button loading={exporting.isPending} onClick={() => exporting.mutate()} data-testid="room-export">
              {t('rooms.export')}
            </Button>
            {can('booking:take') ? (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="room-new">
                {t('rooms.new')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('rooms.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('rooms.search')} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 280 }} />
          <Checkbox checked={withCancelled} onChange={(e) => setWithCancelled(e.target.checked)}>
            {t('rooms.includeCancelled')}
          </Checkbox>
        </Space>
        <ErrorAlert error={list.error ?? exporting.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<RoomBookingListItem>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('rooms.none') }}
          data-testid="room-table"
          columns={[
            { title: t('rooms.col.number'), dataIndex: 'number', width: 170, render: (n: string, f) => <Link to={`/room-bookings/${f.id}`}>{n}</Link> },
            { title: t('rooms.col.kind'), width: 130, render: (_: unknown, f) => <RoomKindTag kind={f.kind} revision={f.revision} /> },
            { title: t('rooms.col.guest'), render: (_: unknown, f) => `${f.guestName}${f.company ? ` · ${f.company}` : ''}` },
            { title: t('rooms.col.stay'), width: 200, render: (_: unknown, f) => `${f.arrival} – ${f.departure}` },
            { title: t('rooms.col.rooms'), render: (_: unknown, f) => `${f.roomNames.join('、')}（${f.roomType}）` },
            { title: t('rooms.col.rate'), dataIndex: 'rateFen', width: 120, align: 'right', render: (fen: number) => (fen / 100).toFixed(2) },
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
        <RoomFormDialog timeZone={timeZone} onClose={() => setCreating(false)} onSaved={(f) => navigate(`/room-bookings/${f.id}`)} />
      ) : null}
    </>
  );
}
