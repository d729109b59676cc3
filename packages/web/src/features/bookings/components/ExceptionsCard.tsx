import type { Booking } from '@kefu/shared/booking';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/session';
import { useBookingStep } from '../api';
import { clockText } from '../slots';

const STATUS_COLORS = { pending: 'orange', approved: 'green', rejected: 'red' } as const;

/**
 * The booking's exception requests; the manager (booking:approve) decides the waiting one here (seed 004 等待领导同意).
 * Shown on the booking's page and, one card per request with the booking in its title, on the manager's list.
 */
export function ExceptionsCard({ booking, timeZone, title }: { booking: Pick<Booking, 'id' | 'exceptions'>; timeZone: string; title?: ReactNode }) {
  const t = useT();
  const { can } = useSession();
  const step = useBookingStep(booking.id);
  const [note, setNote] = useState('');
  if (!booking.exceptions.length) return null;
  const decide = (approve: boolean) => step.mutate({ kind: 'exception/decision', body: { approve, note } });
  return (
    <Card title={title ?? t('booking.exceptions')} variant="borderless" style={{ marginTop: 16 }} data-testid="booking-exceptions">
      <ErrorAlert error={step.error} />
      <List
        dataSource={booking.exceptions}
        renderItem={(e) => (
          <List.Item>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space>
                <Tag color={STATUS_COLORS[e.status]} data-testid="exception-status">
                  {t(`booking.exception.${e.status}`)}
                </Tag>
                <Typography.Text>
                  {t('booking.exception.line', {
                    reason: t(`booking.exception.${e.reason}`),
                    proof: e.proofNote,
                    by: e.requestedBy,
                    at: clockText(e.requestedAt, timeZone),
                  })}
                </Typography.Text>
              </Space>
              {e.decidedAt ? (
                <Typography.Text type="secondary">
                  {t('booking.exception.decision', { by: e.decidedBy ?? '', at: clockText(e.decidedAt, timeZone), note: e.decisionNote })}
                </Typography.Text>
              ) : null}
              {e.status === 'pending' && can('booking:approve') ? (
                <Space wrap>
                  <Input
                    style={{ width: 280 }}
                    value={note}
                    onChange={(ev) => setNote(ev.target.value)}
                    placeholder={t('booking.decisionNote')}
                    maxLength={500}
                  />
                  <Button type="primary" loading={step.isPending} onClick={() => decide(true)} data-testid="exception-approve">
                    {t('booking.approve')}
                  </Button>
                  <Button danger loading={step.isPending} onClick={() => decide(false)} data-testid="exception-reject">
                    {t('booking.reject')}
                  </Button>
                </Space>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
