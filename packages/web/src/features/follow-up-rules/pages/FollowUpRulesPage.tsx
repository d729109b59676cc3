import { App, Button, Card as Panel, Space, Switch, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useFollowUpRules, useRunFollowUpRule, useSaveFollowUpRule, type FollowUpRule } from '../api';
import { JobsPanel } from '../components/JobsPanel';
import { RuleParamsDialog } from '../components/RuleParamsDialog';
import { paramValue, ruleText } from '../labels';

/** 回访规则 (follow_up:settings): each rule on/off, its params, its last run and the tasks it made, run now; the jobs below for job:manage. */
export function FollowUpRulesPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const rules = useFollowUpRules();
  const save = useSaveFollowUpRule();
  const run = useRunFollowUpRule();
  const [editing, setEditing] = useState<FollowUpRule | null>(null);
  const words = { yes: t('followUpRules.yes'), no: t('followUpRules.no'), all: t('followUpRules.all') };

  const toggle = (r: FollowUpRule, enabled: boolean) =>
    save.mutate({ code: r.code, body: { enabled, params: r.params, version: r.version } }, { onError: (err) => void message.error(errorText(err)) });
  const runNow = (r: FollowUpRule) =>
    run.mutate(r.code, {
      onSuccess: (res) => void message.success(t('followUpRules.ran', { n: res.created })),
      onError: (err) => void message.error(errorText(err)),
    });

  return (
    <>
      <PageHeader title={t('followUpRules.title')}>
        <Typography.Text type="secondary">{t('followUpRules.intro')}</Typography.Text>
      </PageHeader>
      <Panel variant="borderless">
        <ErrorAlert error={rules.error} onRetry={() => void rules.refetch()} retryText={t('common.retry')} />
        <Table<FollowUpRule>
          rowKey="code"
          size="small"
          loading={rules.isPending}
          dataSource={rules.data?.items ?? []}
          pagination={false}
          data-testid="rules"
          onRow={(r) => ({ 'data-testid': `rule-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'rule',
              title: t('followUpRules.col.rule'),
              width: '34%',
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{ruleText(lang, `follow_up_rule.name.${r.code}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ruleText(lang, `follow_up_rule.help.${r.code}`)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'enabled',
              title: t('followUpRules.col.enabled'),
              render: (_, r) => (
                <Switch
                  checked={r.enabled}
                  loading={save.isPending && save.variables.code === r.code}
                  onChange={(on) => toggle(r, on)}
                  data-testid={`toggle-${r.code}`}
                />
              ),
            },
            {
              key: 'params',
              title: t('followUpRules.col.params'),
              render: (_, r) => {
                const entries = Object.entries(r.params);
                if (!entries.length) return <Typography.Text type="secondary">{t('followUpRules.noParams')}</Typography.Text>;
                return (
                  <Space direction="vertical" size={0}>
                    {entries.map(([k, v]) => (
                      <span key={k}>
                        {ruleText(lang, `follow_up_rule.param.${k}`).replace(/（.*）|\(.*\)/, '')}：{paramValue(lang, k, v, words)}
                      </span>
                    ))}
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setEditing(r)} data-testid={`edit-${r.code}`}>
                      {t('followUpRules.edit')}
                    </Button>
                  </Space>
                );
              },
            },
            {
              key: 'cadence',
              title: t('followUpRules.col.cadence'),
              render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{t(`followUpRules.cadence.${r.cadence}`)}</span>,
            },
            {
              key: 'last',
              title: t('followUpRules.col.lastRun'),
              render: (_, r) =>
                r.lastRunAt ? dayjs(r.lastRunAt).format('YYYY-MM-DD HH:mm') : <Typography.Text type="secondary">{t('followUpRules.never')}</Typography.Text>,
            },
            { key: 'created', title: t('followUpRules.col.created'), align: 'right', render: (_, r) => (r.lastRunCreated ?? '–').toLocaleString() },
            { key: 'open', title: t('followUpRules.col.open'), align: 'right', render: (_, r) => r.openTasks.toLocaleString() },
            {
              key: 'run',
              title: '',
              render: (_, r) => (
                <Button
                  size="small"
                  disabled={!r.enabled}
                  title={r.enabled ? undefined : t('followUpRules.turnOnFirst')}
                  loading={run.isPending && run.variables === r.code}
                  onClick={() => runNow(r)}
                  data-testid={`run-${r.code}`}
                >
                  {t('followUpRules.runNow')}
                </Button>
              ),
            },
          ]}
        />
      </Panel>
      {can('job:manage') ? <JobsPanel /> : null}
      {editing ? <RuleParamsDialog rule={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
