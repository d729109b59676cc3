import type { FollowUpKpiRow } from '@kefu/shared/follow-up';
import { Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { pct } from '../labels';

/** The figures behind the chart, a rate below its target in red. */
export function KpiTable({
  rows,
  total,
  coverage,
  complianceTarget,
  testId,
}: {
  rows: FollowUpKpiRow[];
  total: FollowUpKpiRow;
  coverage: boolean;
  complianceTarget: number;
  testId: string;
}) {
  const t = useT();
  const mark = (v: number | null, target: number) => <Typography.Text type={v !== null && v < target ? 'danger' : undefined}>{pct(v)}</Typography.Text>;
  return (
    <Table<FollowUpKpiRow>
      data-testid={testId}
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={[...rows, total]}
      columns={[
        { title: t('fu.kpi.name'), dataIndex: 'label' },
        { title: t('fu.kpi.attempted'), dataIndex: 'attempted', align: 'right' },
        { title: t('fu.kpi.reached'), dataIndex: 'reached', align: 'right' },
        { title: t('fu.kpi.success'), key: 'success', align: 'right', render: (_, r) => mark(r.successRate, r.successTarget) },
        { title: t('fu.kpi.compliance'), key: 'compliance', align: 'right', render: (_, r) => mark(r.complianceRate, complianceTarget) },
        { title: t('fu.kpi.invitation'), key: 'invitation', align: 'right', render: (_, r) => pct(r.invitationRate) },
        ...(coverage
          ? [
              { title: t('fu.kpi.owned'), key: 'owned', align: 'right' as const, render: (_: unknown, r: FollowUpKpiRow) => r.owned ?? '—' },
              { title: t('fu.kpi.coverage'), key: 'coverage', align: 'right' as const, render: (_: unknown, r: FollowUpKpiRow) => pct(r.coverageRate) },
            ]
          : []),
      ]}
    />
  );
}
