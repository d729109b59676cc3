import { IMPORT_FIELD_LABELS, type ImportField, type ImportReport } from '@kefu/shared/customer-import';
import { Alert, Table } from 'antd';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';

/** The check, row by row: the sheet's row number, the field, what was there, and what is wrong. */
export function ReportTable({ report }: { report: ImportReport }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      <Alert
        type={report.invalid ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t('import.counts', { total: report.total, valid: report.valid, invalid: report.invalid })}
        description={report.invalid === 0 ? t('import.allGood') : report.truncated ? t('import.truncated') : undefined}
        data-testid="import-report-summary"
      />
      {report.issues.length > 0 && (
        <Table
          rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
          size="small"
          dataSource={report.issues}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="import-report"
          columns={[
            { title: t('import.row'), dataIndex: 'row', width: 80 },
            { title: t('import.field'), dataIndex: 'field', width: 120, render: (f: string) => IMPORT_FIELD_LABELS[f as ImportField]?.[lang] ?? f },
            { title: t('import.value'), dataIndex: 'value', width: 200 },
            { title: t('import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </>
  );
}
