import type { ComplaintReport } from '@kefu/shared/complaint-report';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../../complaints/labels';
import { OUTCOME_COLORS, SATISFACTION_COLORS, percent } from '../format';
import { CountCard } from './CountCard';
import { MajorTable } from './MajorTable';
import { OutcomeCard } from './OutcomeCard';

/** Every figure of one report: totals, the four dimensions, deadlines kept, satisfaction, major complaints. */
export function ReportBody({ report: r, compact = false }: { report: ComplaintReport; compact?: boolean }) {
  const t = useT();
  const label = useComplaintLabels();
  // the share kept among the deadlines already decided (met, or missed); the running ones are not yet either
  const keptRate = (s: ComplaintReport['sla']['response']) => percent(s.kept, s.kept + s.breached);
  const stats: [string, number, string][] = [
    [t('creport.total'), r.total, 'total'],
    [t('creport.open'), r.open, 'open'],
    [t('creport.closed'), r.closed, 'closed'],
    [t('creport.major'), r.major, 'major'],
  ];
  const span = compact ? 24 : 12;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value, key]) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small" variant="borderless">
              <Statistic
                title={title}
                value={value}
                valueStyle={key === 'major' && value > 0 ? { color: '#cf1322' } : undefined}
                data-testid={`report-stat-${key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {r.total === 0 ? (
        <Card variant="borderless">
          <Empty description={t('creport.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={span}>
            <CountCard
              title={t('creport.byCategory')}
              total={r.total}
              testId="report-category"
              rows={r.byCategory.map((c) => ({ key: c.key, label: label.category(c.key), count: c.count }))}
            />
          </Col>
          <Col xs={24} xl={span}>
            <CountCard
              title={t('creport.byDepartment')}
              total={r.total}
              testId="report-department"
              rows={r.byDepartment.map((d) => ({ key: d.id ?? 'none', label: d.name ?? t('creport.noDepartment'), count: d.count }))}
            />
          </Col>
          <Col xs={24} xl={span}>
            <CountCard
              title={t('creport.byChannel')}
              total={r.total}
              testId="report-channel"
              rows={r.byChannel.map((c) => ({ key: c.key, label: label.channel(c.key), count: c.count }))}
            />
          </Col>
          <Col xs={24} xl={span}>
            <CountCard
              title={t('creport.bySeverity')}
              total={r.total}
              testId="report-severity"
              rows={r.bySeverity.map((c) => ({ key: c.key, label: label.severity(c.key), count: c.count }))}
            />
          </Col>
          <Col xs={24} xl={span}>
            <OutcomeCard
              title={t('creport.sla')}
              help={`${t('creport.slaHelp')} ${t('creport.slaRates', { response: keptRate(r.sla.response), resolve: keptRate(r.sla.resolve) })}`}
              testId="report-sla"
              series={(['kept', 'breached', 'pending'] as const).map((k) => ({ key: k, label: t(`creport.${k}`), color: OUTCOME_COLORS[k] }))}
              rows={(['response', 'resolve'] as const).map((k) => ({ key: k, label: t(`creport.${k}`), values: r.sla[k], total: r.total }))}
            />
          </Col>
          <Col xs={24} xl={span}>
            <OutcomeCard
              title={t('creport.satisfaction')}
              help={t('creport.satisfactionHelp', { count: r.satisfaction.result.total })}
              testId="report-satisfaction"
              series={(['satisfied', 'fair', 'unsatisfied'] as const).map((k) => ({ key: k, label: label.satisfaction(k), color: SATISFACTION_COLORS[k] }))}
              rows={[
                { key: 'result', label: t('creport.satResult'), values: r.satisfaction.result, total: r.satisfaction.result.total },
                { key: 'speed', label: t('creport.satSpeed'), values: r.satisfaction.speed, total: r.satisfaction.speed.total },
              ]}
            />
          </Col>
          <Col span={24}>
            <MajorTable items={r.majorCases} />
          </Col>
        </Row>
      )}
    </>
  );
}
