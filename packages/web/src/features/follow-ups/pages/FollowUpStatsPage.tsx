import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Segmented, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDownload, useKpis } from '../api';
import { CampaignReport } from '../components/CampaignReport';
import { KpiChart } from '../components/KpiChart';
import { KpiTable } from '../components/KpiTable';
import { SettingsCard } from '../components/SettingsCard';

type By = 'agent' | 'rule' | 'campaign';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 回访统计: KPIs by agent, rule or campaign for any period (this month by default), charts, xlsx; the campaign summary report. */
export function FollowUpStatsPage() {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const by: By = (['agent', 'rule', 'campaign'] as const).find((v) => v === search.get('by')) ?? 'agent';
  const from = DATE.test(search.get('from') ?? '') ? search.get('from')! : dayjs().startOf('month').format('YYYY-MM-DD');
  const to = DATE.test(search.get('to') ?? '') ? search.get('to')! : dayjs().endOf('month').format('YYYY-MM-DD');
  const campaign = search.get('campaign');
  const kpis = useKpis({ by, from, to });
  const download = useDownload();
  const k = kpis.data;
  const setParam = (p: Record<string, string>) => setSearch((s) => new URLSearchParams({ ...Object.fromEntries(s), ...p }), { replace: true });
  return (
    <>
      <PageHeader
        title={t('fu.stats.title')}
        extra={
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={download.isPending}
            onClick={() =>
              download.mutate(
                { path: '/api/v1/follow-up-kpis.xlsx', query: { by, from, to } },
                { onSuccess: (name) => void message.success(t('fu.stats.exported', { name })), onError: (e) => void message.error(errorText(e)) },
              )
            }
          >
            {t('fu.stats.export')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('fu.stats.help')}</Typography.Text>
      </PageHeader>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<By>
          value={by}
          onChange={(v) => setParam({ by: v })}
          options={[
            { value: 'agent', label: t('fu.stats.by.agent') },
            { value: 'rule', label: t('fu.stats.by.rule') },
            { value: 'campaign', label: t('fu.stats.by.campaign') },
          ]}
        />
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => v?.[0] && v[1] && setParam({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
        />
        {kpis.isFetching ? <Spin size="small" /> : null}
      </Space>
      <ErrorAlert error={kpis.error} onRetry={() => void kpis.refetch()} retryText={t('common.retry')} />
      {k ? (
        <Card variant="borderless" title={t('fu.stats.rates')} data-testid="kpi-card" style={{ marginBottom: 16 }}>
          {k.rows.length ? (
            <KpiChart rows={k.rows} successTarget={k.targets.satisfactionSuccess} complianceTarget={k.targets.compliance} />
          ) : (
            <Typography.Text type="secondary">{t('fu.stats.noData')}</Typography.Text>
          )}
          <KpiTable testId="kpi-table" rows={k.rows} total={k.total} coverage={by === 'agent'} complianceTarget={k.targets.compliance} />
        </Card>
      ) : null}
      <CampaignReport campaignId={campaign} onPick={(id) => setParam({ campaign: id })} complianceTarget={k?.targets.compliance ?? 0.9} />
      {can('follow_up:settings') ? (
        <div style={{ marginTop: 16 }}>
          <SettingsCard />
        </div>
      ) : null}
    </>
  );
}
