import { Card, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useTasks, type TaskQuery } from '../api';
import { TaskTable } from '../components/TaskTable';

type View = 'today' | 'all' | 'closed';
const QUERIES: Record<View, TaskQuery> = { today: { status: 'open', due: 'today' }, all: { status: 'open', due: 'all' }, closed: { status: 'closed' } };

/** 我的回访: the agent's day (seed 001 客服专员 职责二), due today first, by due time and priority. */
export function MyFollowUpsPage() {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const view: View = (['today', 'all', 'closed'] as const).find((v) => v === search.get('view')) ?? 'today';
  const list = useTasks(QUERIES[view]);
  return (
    <>
      <PageHeader title={t('fu.mine.title')}>
        <Typography.Text type="secondary">{t('fu.mine.help')}</Typography.Text>
      </PageHeader>
      <Segmented<View>
        style={{ marginBottom: 16 }}
        value={view}
        onChange={(v) => setSearch(new URLSearchParams({ view: v }), { replace: true })}
        options={[
          { value: 'today', label: t('fu.mine.today') },
          { value: 'all', label: t('fu.mine.all') },
          { value: 'closed', label: t('fu.mine.closed') },
        ]}
      />
      <Card variant="borderless">
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <TaskTable testId="my-follow-ups" tasks={list.data?.items ?? []} loading={list.isPending} emptyText={t('fu.mine.empty')} />
      </Card>
    </>
  );
}
