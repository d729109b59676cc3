import { Card, Col, Row, Table } from 'antd';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../../app/i18n/use-t';
import { BAR_COLOR, percent } from '../format';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

/** One dimension of the report (category, department, channel, severity): a bar chart and its table. */
export function CountCard({ title, rows, total, testId }: { title: string; rows: CountRow[]; total: number; testId: string }) {
  const t = useT();
  const height = Math.max(120, rows.length * 30 + 30);
  return (
    <Card title={title} size="small" variant="borderless" data-testid={testId}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ResponsiveContainer width="100%" height={height}>
            <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={112} tick={{ fontSize: 12 }} interval={0} />
              <Tooltip formatter={(v) => [String(v), t('creport.count')]} />
              <Bar dataKey="count" fill={BAR_COLOR} barSize={16} isAnimationActive={false}>
                <LabelList dataKey="count" position="right" fontSize={12} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Col>
        <Col xs={24} lg={12}>
          <Table<CountRow>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            columns={[
              { title, dataIndex: 'label' },
              { title: t('creport.count'), dataIndex: 'count', align: 'right', width: 60 },
              { title: t('creport.share'), key: 'share', align: 'right', width: 72, render: (_, r) => percent(r.count, total) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
