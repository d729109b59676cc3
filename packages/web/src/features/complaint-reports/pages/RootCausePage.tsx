import { BarChartOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Row, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useExportReport, useRootCause } from '../api';
import { AnalysisEditor } from '../components/AnalysisEditor';
import { ReportBody } from '../components/ReportBody';

/** 月度客诉原因分析 (seed 001 客诉专员 职责三: 每月就客诉原因分析): the month's figures beside the officer's text. */
export function RootCausePage() {
  const t = useT();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const thisMonth = dayjs().format('YYYY-MM');
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(search.get('month') ?? '') ? search.get('month')! : thisMonth;
  const rootCause = useRootCause(month);
  const exporter = useExportReport();
  const data = rootCause.data?.month === month ? rootCause.data : undefined;

  const exportFile = () =>
    exporter.mutate(
      { period: 'month', date: `${month}-01` },
      { onSuccess: (name) => void message.success(t('creport.exported', { name })), onError: (e) => void message.error(errorText(e)) },
    );

  return (
    <>
      <PageHeader
        title={t('rootcause.title')}
        extra={
          <Space wrap>
            <Link to={`/complaint-reports?period=month&date=${month}-01`}>
              <Button icon={<BarChartOutlined />}>{t('rootcause.fullReport')}</Button>
            </Link>
            <Button type="primary" icon={<DownloadOutlined />} loading={exporter.isPending} onClick={exportFile} data-testid="root-cause-export">
              {t('creport.export')}
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('rootcause.help')}</Typography.Text>
      </PageHeader>
      <Space style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          disabledDate={(d: Dayjs) => d.isAfter(dayjs(), 'month')}
          onChange={(d: Dayjs | null) => d && setSearch({ month: d.format('YYYY-MM') }, { replace: true })}
          data-testid="root-cause-month"
        />
        {rootCause.isFetching ? <Spin size="small" /> : null}
      </Space>
      <ErrorAlert error={rootCause.error} onRetry={() => void rootCause.refetch()} retryText={t('common.retry')} />
      {data ? (
        <Row gutter={[16, 16]} align="top">
          <Col xs={24} xl={14}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('rootcause.figures', { month })}
            </Typography.Title>
            <ReportBody report={data.report} compact />
          </Col>
          <Col xs={24} xl={10} style={{ position: 'sticky', top: 16 }}>
            <AnalysisEditor key={month} saved={data} disabled={month > thisMonth} />
          </Col>
        </Row>
      ) : rootCause.isPending ? (
        <Spin />
      ) : null}
    </>
  );
}
