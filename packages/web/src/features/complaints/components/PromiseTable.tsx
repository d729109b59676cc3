import type { ComplaintPromise } from '@kefu/shared/complaint';
import { mayKeepPromise } from '@kefu/shared/complaint-workflow';
import { App, Button, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useKeepPromise, usePromiseList } from '../api';

/** 我的承诺 (seed 004 原则 1 "承诺必须兑现"): what I promised complainants, by when; overdue ones in red. */
export function PromiseTable() {
  const t = useT();
  const { message } = App.useApp();
  const [overdue, setOverdue] = useState(false);
  const list = usePromiseList({ mine: true, overdue: overdue || undefined });
  const keep = useKeepPromise();
  const { user, can } = useSession();
  const permissions = { has: can };
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <Switch checked={overdue} onChange={setOverdue} data-testid="promises-overdue" /> <span>{t('complaints.promises.onlyOverdue')}</span>
      </div>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      <Table<ComplaintPromise>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: overdue ? t('complaints.promises.noneOverdue') : t('complaints.promises.none') }}
        onRow={(p) => ({ 'data-testid': 'promise-row', 'data-overdue': p.overdue }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('complaints.col.number'),
            key: 'number',
            width: 170,
            render: (_, p) => <Link to={`/complaints/${p.complaintId}`}>{p.complaintNumber}</Link>,
          },
          { title: t('complaints.promise.what'), dataIndex: 'what' },
          {
            title: t('complaints.promise.dueAt'),
            key: 'dueAt',
            width: 200,
            render: (_, p) => (
              <Typography.Text type={p.overdue && !p.keptAt ? 'danger' : undefined}>{dayjs(p.dueAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            ),
          },
          {
            title: t('complaints.col.state'),
            key: 'state',
            width: 120,
            render: (_, p) =>
              p.keptAt ? (
                <Tag color="green">{t('complaints.promise.kept')}</Tag>
              ) : p.overdue ? (
                <Tag color="red">{t('complaints.promise.overdue')}</Tag>
              ) : (
                <Tag color="blue">{t('complaints.promise.pending')}</Tag>
              ),
          },
          {
            key: 'actions',
            width: 110,
            render: (_, p) =>
              p.keptAt || !mayKeepPromise(permissions, user.id, p.owner?.id ?? null) ? null : (
                <Button
                  size="small"
                  loading={keep.isPending && keep.variables === p.id}
                  onClick={() =>
                    keep.mutate(p.id, {
                      onSuccess: () => void message.success(t('complaints.promise.keptDone')),
                      onError: (e) => void message.error(errorText(e)),
                    })
                  }
                  data-testid="promise-keep"
                >
                  {t('complaints.promise.markKept')}
                </Button>
              ),
          },
        ]}
      />
      {rows.length ? (
        <LoadMore
          hasMore={!!list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
          moreText={t('common.loadMore')}
          doneText={t('common.noMore')}
        />
      ) : null}
    </>
  );
}
