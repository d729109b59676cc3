import type { Complaint } from '@kefu/shared/complaint';
import { Alert, Card, Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { SlaCountdown } from './SlaCountdown';

const when = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/**
 * 首次响应 and 解决 deadlines (seed 003 附件三 #4, in working time on the business calendar): the countdown runs
 * on the one that applies now (response until acknowledged, then resolution); each says whether it was kept.
 */
export function SlaCard({ complaint: c, readAt }: { complaint: Complaint; readAt: number }) {
  const t = useT();
  const { sla } = c;
  const kept = (breached: boolean, at: string) => (
    <Tag color={breached ? 'red' : 'green'}>{t(breached ? 'complaintCase.sla.doneLate' : 'complaintCase.sla.doneInTime', { at: when(at) })}</Tag>
  );
  const clock = (breached: boolean): ReactNode =>
    c.state === 'closed' ? breached ? <Tag color="red">{t('complaintCase.sla.breached')}</Tag> : '—' : <SlaCountdown sla={sla} readAt={readAt} strong />;
  return (
    <Card variant="borderless" title={t('complaintCase.sla.title')} style={{ marginBottom: 16 }} data-testid="sla-card">
      {sla.status === 'paused' && sla.pausedSince ? (
        <Alert type="info" showIcon title={t('complaintCase.sla.pausedSince', { at: when(sla.pausedSince) })} style={{ marginBottom: 12 }} />
      ) : null}
      {sla.calendarMissingYears.length ? (
        <Alert
          type="warning"
          showIcon
          title={t('complaintCase.sla.calendarMissing', { years: sla.calendarMissingYears.join('、') })}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'response', label: t('complaintCase.sla.response'), children: when(sla.responseDueAt) },
          {
            key: 'responseState',
            label: t('complaintCase.sla.state'),
            children: sla.respondedAt ? kept(sla.responseBreached, sla.respondedAt) : clock(sla.responseBreached),
          },
          { key: 'resolve', label: t('complaintCase.sla.resolve'), children: when(sla.resolveDueAt) },
          {
            key: 'resolveState',
            label: t('complaintCase.sla.state'),
            children: sla.resolvedAt ? (
              kept(sla.resolveBreached, sla.resolvedAt)
            ) : sla.respondedAt ? (
              clock(sla.resolveBreached)
            ) : (
              <span style={{ color: '#8c8c8c' }}>{t('complaintCase.sla.afterResponse')}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
