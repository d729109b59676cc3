import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Input, Row, Select, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { useT } from '../../../app/i18n/use-t';
import { useLang } from '../../../app/i18n/language';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api-error';
import { useCampaignReport, useCampaigns, useDownload, useUpdateCampaign } from '../api';
import { pct, purposeLabel } from '../labels';
import { KpiChart } from './KpiChart';
import { KpiTable } from './KpiTable';

/** 回访总结报告 (seed 000 #10): a campaign's figures, by agent, with the summary the supervisor writes; xlsx. */
export function CampaignReport({
  campaignId,
  onPick,
  complianceTarget,
}: {
  campaignId: string | null;
  onPick: (id: string) => void;
  complianceTarget: number;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const campaigns = useCampaigns();
  const report = useCampaignReport(campaignId);
  const download = useDownload();
  const r = report.data;
  return (
    <Card
      variant="borderless"
      title={t('fu.report.title')}
      data-testid="campaign-report"
      extra={
        <Space>
          <Select
            style={{ minWidth: 220 }}
            placeholder={t('fu.report.campaign')}
            value={campaignId ?? undefined}
            onChange={onPick}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="report-campaign"
          />
          <Button
            icon={<DownloadOutlined />}
            disabled={!campaignId}
            loading={download.isPending}
            onClick={() =>
              download.mutate(
                { path: `/api/v1/follow-up-campaigns/${campaignId}/report.xlsx` },
                { onSuccess: (name) => void message.success(t('fu.stats.exported', { name })), onError: (e) => void message.error(errorText(e)) },
              )
            }
          >
            {t('fu.stats.export')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={report.error} />
      {r ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('fu.campaign.purpose')}>{purposeLabel(r.campaign.purpose, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('fu.campaign.period')}>{`${r.campaign.startsOn ?? ''} ~ ${r.campaign.endsOn ?? ''}`}</Descriptions.Item>
            <Descriptions.Item label={t('fu.campaign.tasks')}>{r.campaign.tasks}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16} style={{ margin: '12px 0' }}>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.kpi.success')} value={pct(r.total.successRate)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.stats.target', { value: '' })} value={pct(r.total.successTarget)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.kpi.compliance')} value={pct(r.total.complianceRate)} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.report.avgSatisfaction')} value={r.averageSatisfaction ?? '—'} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.report.issues')} value={r.issues} />
            </Col>
            <Col xs={12} md={4}>
              <Statistic title={t('fu.report.complaints')} value={r.complaints} />
            </Col>
          </Row>
          {r.byAgent.length ? <KpiChart rows={r.byAgent} successTarget={r.total.successTarget} complianceTarget={complianceTarget} /> : null}
          <KpiTable testId="report-table" rows={r.byAgent} total={r.total} coverage={false} complianceTarget={complianceTarget} />
          <SummaryEditor key={`${r.campaign.id}:${r.campaign.version}`} campaignId={r.campaign.id} version={r.campaign.version} saved={r.campaign.summary} />
        </>
      ) : null}
    </Card>
  );
}

/** The summary the supervisor writes (回访总结), saved by the campaign's version. */
function SummaryEditor({ campaignId, version, saved }: { campaignId: string; version: number; saved: string | null }) {
  const t = useT();
  const { can } = useSession();
  const { message } = App.useApp();
  const update = useUpdateCampaign(campaignId);
  const [summary, setSummary] = useState(saved ?? '');
  const writes = can('follow_up:supervise');
  return (
    <div style={{ marginTop: 16 }}>
      <Input.TextArea
        rows={4}
        maxLength={5000}
        placeholder={t('fu.report.summary')}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        disabled={!writes}
        data-testid="report-summary"
      />
      {writes ? (
        <Button
          style={{ marginTop: 8 }}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { version, summary: summary.trim() || null },
              { onSuccess: () => void message.success(t('fu.stats.saved')), onError: (e) => void message.error(errorText(e)) },
            )
          }
        >
          {t('fu.report.saveSummary')}
        </Button>
      ) : null}
    </div>
  );
}
