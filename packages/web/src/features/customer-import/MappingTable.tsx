import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportUpload } from '@kefu/shared/customer-import';
import { Select, Table, Typography } from 'antd';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';

interface Props {
  upload: ImportUpload;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
}

/** One line per column of the file: its header, a sample value, and the field it goes to. */
export function MappingTable({ upload, mapping, onChange }: Props) {
  const t = useT();
  const { lang } = useLang();
  const fieldOf = (column: number) => IMPORT_FIELDS.find((f) => mapping[f] === column);
  const setColumn = (column: number, field: ImportField | undefined) => {
    const next: ImportMapping = {};
    for (const f of IMPORT_FIELDS) if (mapping[f] !== undefined && mapping[f] !== column && f !== field) next[f] = mapping[f];
    if (field) next[field] = column;
    onChange(next);
  };
  const options = [{ value: '', label: t('import.ignore') }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f][lang] }))];
  const rows = upload.headers.map((header, column) => ({
    column,
    header,
    sample: upload.preview
      .map((p) => p.cells[column] ?? '')
      .filter(Boolean)
      .slice(0, 3),
  }));
  return (
    <Table
      rowKey="column"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('import.column'),
          dataIndex: 'header',
          width: 200,
          render: (h: string, r) => h || <Typography.Text type="secondary">#{r.column + 1}</Typography.Text>,
        },
        {
          title: t('import.field'),
          key: 'field',
          width: 220,
          render: (_, r) => (
            <Select
              style={{ width: 200 }}
              value={fieldOf(r.column) ?? ''}
              options={options}
              onChange={(v: string) => setColumn(r.column, v ? (v as ImportField) : undefined)}
              data-testid={`import-map-${r.column}`}
            />
          ),
        },
        { title: t('import.sample'), dataIndex: 'sample', render: (s: string[]) => <Typography.Text type="secondary">{s.join('，')}</Typography.Text> },
      ]}
    />
  );
}
