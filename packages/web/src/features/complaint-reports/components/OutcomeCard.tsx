import { Card, Table, Typography } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { percent } from '../format';

export interface OutcomeSeries {
  key: string;
  label: string;
  color: string;
}
export interface OutcomeRow {
  key: string;
  label: string;
  values: Record<string, number>;
  /** what the shares are taken of */
  total: number;
}

/**
 * Two or three outcomes per row as 100% stacked bars with their table: deadlines kept vs breached
 * (response, resolution), satisfaction with the result and the speed.
 */
export function OutcomeCard({
  title,
  help,
  series,
  rows,
  testId,
}: {
  title: string;
  help: string;
  series: OutcomeSeries[];
  rows: OutcomeRow[];
  testId: string;
}) {
  const data = rows.map((r) => ({ label: r.label, ...Object.fromEntries(series.map((s) => [s.key, r.total > 0 ? (r.values[s.key] ?? 0) / r.total : 0])) }));
  return (
    <Card title={title} size="small" variant="borderless" data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {help}
      </Typography.Paragraph>
      <ResponsiveContainer width="100%" height={rows.length * 44 + 50}>
        <BarChart data={data} layout="vertical" stackOffset="expand" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={(v: number) => `${Math.round(v * 100)}%`} domain={[0, 1]} />
          <YAxis type="category" dataKey="label" width={72} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [`${(Number(v) * 100).toFixed(1)}%`, name]} />
          {/* in the order of the outcomes (kept, breached, not yet due), not alphabetical */}
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="all" fill={s.color} barSize={20} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <Table<OutcomeRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label' },
          ...series.map((s) => ({
            title: s.label,
            key: s.key,
            align: 'right' as const,
            render: (_: unknown, r: OutcomeRow) => `${r.values[s.key] ?? 0} · ${percent(r.values[s.key] ?? 0, r.total)}`,
          })),
        ]}
      />
    </Card>
  );
}
