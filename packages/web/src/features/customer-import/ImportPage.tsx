import type { ImportMapping, ImportMode, ImportStatus, ImportUpload } from '@kefu/shared/customer-import';
import { Button, Card, Progress, Radio, Result, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useImportStatus, useRunImport, useUploadImport, useValidateImport } from './api';
import { DropZone } from './DropZone';
import { MappingTable } from './MappingTable';
import { ReportTable } from './ReportTable';

/** 导入客户: upload -> map the columns (with a preview) -> the row-by-row check -> import, with progress. */
export function ImportPage() {
  const t = useT();
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mode, setMode] = useState<ImportMode>('valid_only');
  const [result, setResult] = useState<ImportStatus | null>(null);
  const uploading = useUploadImport();
  const validate = useValidateImport(upload?.id);
  const run = useRunImport(upload?.id);
  const status = useImportStatus(upload?.id, run.isPending);
  const report = validate.data;

  const start = (file: File) =>
    uploading.mutate(file, {
      onSuccess: (u) => {
        setUpload(u);
        setMapping(u.suggestedMapping);
        setResult(null);
        validate.reset();
        run.reset();
      },
    });
  const changeMapping = (m: ImportMapping) => {
    setMapping(m);
    validate.reset();
  };
  const reset = () => {
    setUpload(null);
    setResult(null);
    validate.reset();
    run.reset();
  };
  const step = result ? 3 : report ? 2 : upload ? 1 : 0;
  const percent = run.isPending ? (status.data?.percent ?? 0) : 100;

  return (
    <>
      <PageHeader title={t('import.title')}>
        <Typography.Text type="secondary">{t('import.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: t('import.stepUpload') }, { title: t('import.stepMap') }, { title: t('import.stepCheck') }, { title: t('import.stepRun') }]}
        />
        <ErrorAlert error={uploading.error ?? validate.error ?? run.error} />
        {result ? (
          <Result
            status="success"
            data-testid="import-result"
            title={t('import.done', { imported: result.imported, skipped: result.total - result.imported })}
            extra={[
              <Button key="again" onClick={reset}>
                {t('import.another')}
              </Button>,
              <Link key="list" to="/customers">
                <Button type="primary">{t('import.toCustomers')}</Button>
              </Link>,
            ]}
          />
        ) : !upload ? (
          <DropZone onFile={start} disabled={uploading.isPending} />
        ) : (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Text strong>{t('import.fileSummary', { file: upload.fileName, total: upload.total })}</Typography.Text>
            <MappingTable upload={upload} mapping={mapping} onChange={changeMapping} />
            <div>
              <Typography.Title level={5}>{t('import.preview')}</Typography.Title>
              <Table
                rowKey="row"
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={upload.preview}
                columns={[
                  { title: t('import.row'), dataIndex: 'row', width: 60 },
                  ...upload.headers.map((h, i) => ({
                    title: h || `#${i + 1}`,
                    key: String(i),
                    render: (_: unknown, r: { cells: string[] }) => r.cells[i] ?? '',
                  })),
                ]}
              />
            </div>
            <Space>
              <Button onClick={reset}>{t('common.cancel')}</Button>
              <Button
                type={report ? 'default' : 'primary'}
                onClick={() => validate.mutate(mapping)}
                loading={validate.isPending}
                disabled={mapping.name === undefined || run.isPending}
                data-testid="import-check"
              >
                {t('import.check')}
              </Button>
              {mapping.name === undefined && <Typography.Text type="warning">{t('import.needName')}</Typography.Text>}
            </Space>
            {report && <ReportTable report={report} />}
            {report && (
              <Space direction="vertical">
                <Typography.Text strong>{t('import.mode')}</Typography.Text>
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} disabled={run.isPending}>
                  <Space direction="vertical">
                    <Radio value="valid_only">{t('import.modeValidOnly')}</Radio>
                    <Radio value="all_or_nothing">{t('import.modeAllOrNothing')}</Radio>
                  </Space>
                </Radio.Group>
                <Button type="primary" loading={run.isPending} onClick={() => run.mutate({ mapping, mode }, { onSuccess: setResult })} data-testid="import-run">
                  {t('import.run')}
                </Button>
              </Space>
            )}
            {run.isPending && (
              <div data-testid="import-progress">
                <Progress percent={percent} status="active" />
                <Typography.Text type="secondary">{t('import.running')}</Typography.Text>
              </div>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
