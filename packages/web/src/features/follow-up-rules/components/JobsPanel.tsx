import { App, Button, Card as Panel, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api-error';
import { useJobs, useRunJob, type Job } from '../api';
import { ruleText } from '../labels';

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '–');

/** The scheduled jobs (job:manage): when each ran and runs next, its error if it failed, run now. */
export function JobsPanel() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const jobs = useJobs(true);
  const run = useRunJob();
  return (
    <Panel variant="borderless" title={t('jobs.title')} style={{ marginTop: 16 }}>
      <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} retryText={t('common.retry')} />
      <Table<Job>
        rowKey="name"
        size="small"
        loading={jobs.isPending}
        dataSource={jobs.data?.items ?? []}
        pagination={false}
        data-testid="jobs"
        columns={[
          { key: 'name', title: t('jobs.col.name'), render: (_, j) => ruleText(lang, `job.name.${j.name}`) },
          {
            key: 'schedule',
            title: t('jobs.col.schedule'),
            render: (_, j) => ('everyMinutes' in j.schedule ? t('jobs.every', { n: j.schedule.everyMinutes }) : t('jobs.daily', { time: j.schedule.dailyAt })),
          },
          { key: 'last', title: t('jobs.col.last'), render: (_, j) => time(j.lastStartedAt) },
          {
            key: 'result',
            title: t('jobs.col.result'),
            render: (_, j) =>
              j.running ? (
                <Tag color="processing">{t('jobs.running')}</Tag>
              ) : j.lastOk === null ? (
                '–'
              ) : j.lastOk ? (
                <Tag color="success">{t('jobs.ok')}</Tag>
              ) : (
                <Tooltip title={j.lastError}>
                  <Tag color="error">{t('jobs.failed')}</Tag>
                </Tooltip>
              ),
          },
          { key: 'next', title: t('jobs.col.next'), render: (_, j) => time(j.nextRunAt) },
          { key: 'runs', title: t('jobs.col.runs'), align: 'right', render: (_, j) => `${j.runCount}（${j.failCount}）` },
          {
            key: 'run',
            title: '',
            render: (_, j) => (
              <Button
                size="small"
                loading={run.isPending && run.variables === j.name}
                onClick={() =>
                  run.mutate(j.name, { onSuccess: () => void message.success(t('jobs.requested')), onError: (err) => void message.error(errorText(err)) })
                }
              >
                {t('jobs.runNow')}
              </Button>
            ),
          },
        ]}
      />
    </Panel>
  );
}
