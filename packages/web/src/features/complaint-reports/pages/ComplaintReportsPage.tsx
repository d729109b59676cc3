import { DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { REPORT_PERIODS, type ReportPeriod } from '@kefu/shared/complaint-report';
import { App, Button, Space, Spin, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useComplaintReport, useExportReport } from '../api';
import { PeriodPicker } from '../components/PeriodPicker';
import { ReportBody } from '../components/ReportBody';

/** 客诉报表: the week's or the month's complaints by every dimension (seed 001 客诉专员: 每周、每月分类归纳). */
export function ComplaintReportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const period: ReportPeriod = REPORT_PERIODS.find((p) => p === search.get('period')) ?? 'week';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(search.get('date') ?? '') ? search.get('date')! : undefined;
  const report = useComplaintReport(period, date);
  const exporter = useExportReport();
  const r = report.data;

  const choose = (p: ReportPeriod, d: string | undefined) => setSearch(() => new URLSearchParams({ period: p, ...(d ? { date: d } : {}) }), { replace: true });
  const exportFile = () =>
    exporter.mutate(
      { period, ...(date ? { date } : {}) },
      { onSuccess: (name) => void message.success(t('creport.exported', { name })), onError: (e) => void message.error(errorText(e)) },
    );

  return (
    <>
      <PageHeader
        title={t('creport.title')}
        extra={
          <Space wrap>
            {r ? (
              <Link to={`/complaint-reports/root-cause?month=${r.from.slice(0, 7)}`}>
                <Button icon={<FileSearchOutlined />}>{t('creport.rootCauseLink')}</Button>
              </Link>
            ) : null}
            <Button type="primary" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportFile} data-testid="report-export">
              {t('creport.export')}
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('creport.help')}</Typography.Text>
      </PageHeader>
      <Space style={{ marginBottom: 16 }} wrap align="center">
        <PeriodPicker period={period} date={date} onChange={choose} />
        {r ? (
          <Typography.Text strong data-testid="report-range">
            {t('creport.range', { from: r.from, to: r.to })}
          </Typography.Text>
        ) : null}
        {report.isFetching ? <Spin size="small" /> : null}
      </Space>
      <ErrorAlert error={report.error} onRetry={() => void report.refetch()} retryText={t('common.retry')} />
      {r ? <ReportBody report={r} /> : report.isPending ? <Spin /> : null}
    </>
  );
}
