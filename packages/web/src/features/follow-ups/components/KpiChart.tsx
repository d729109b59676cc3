import type { FollowUpKpiRow } from '@kefu/shared/follow-up';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../../app/i18n/use-t';
import { pct } from '../labels';

/** Success and compliance per row as bars in percent, the targets as lines (seed 000: 95% / 90%). */
export function KpiChart({ rows, successTarget, complianceTarget }: { rows: FollowUpKpiRow[]; successTarget: number; complianceTarget: number }) {
  const t = useT();
  const data = rows.map((r) => ({
    label: r.label,
    success: r.successRate === null ? null : Math.round(r.successRate * 1000) / 10,
    compliance: r.complianceRate === null ? null : Math.round(r.complianceRate * 1000) / 10,
    coverage: r.coverageRate === null ? null : Math.round(r.coverageRate * 1000) / 10,
  }));
  const coverage = rows.some((r) => r.coverageRate !== null);
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, rows.length * 56 + 60)}>
      <BarChart data={data} layout="vertical" margin={{ top: 24, right: 48, bottom: 8, left: 8 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} unit="%" />
        <YAxis type="category" dataKey="label" width={120} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={(v) => (v === null || v === undefined ? '—' : `${String(v)}%`)} />
        <Legend />
        <ReferenceLine
          x={successTarget * 100}
          stroke="#1677ff"
          strokeDasharray="4 4"
          label={{ value: t('fu.stats.target', { value: pct(successTarget) }), position: 'top', fontSize: 11 }}
        />
        <ReferenceLine x={complianceTarget * 100} stroke="#52c41a" strokeDasharray="4 4" />
        <Bar dataKey="success" name={t('fu.kpi.success')} fill="#1677ff" barSize={12} isAnimationActive={false} />
        <Bar dataKey="compliance" name={t('fu.kpi.compliance')} fill="#52c41a" barSize={12} isAnimationActive={false} />
        {coverage ? <Bar dataKey="coverage" name={t('fu.kpi.coverage')} fill="#faad14" barSize={12} isAnimationActive={false} /> : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
