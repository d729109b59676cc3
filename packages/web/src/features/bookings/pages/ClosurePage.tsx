import type { AffectedBooking } from '@kefu/shared/booking-extras';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone } from '../api';
import { useClosure, useClosureSteps } from '../extras-api';
import { clockText } from '../slots';

const EMAIL_COLOR: Record<AffectedBooking['emailStatus'], string> = {
  sent: 'green',
  failed: 'red',
  no_email: 'default',
  not_configured: 'orange',
  pending: 'blue',
};

/**
 * A closure's affected bookings (SPEC §6: customers told and offered other times): each customer's
 * email, the agent's phone tick, and the booking moved to one of the nearest free times or cancelled
 * without charge.
 */
export function ClosurePage() {
  const { id = '' } = useParams();
  const t = useT();
  const { can } = useSession();
  const tz = useDepartmentTimeZone() ?? 'Asia/Shanghai';
  const closure = useClosure(id);
  const { notified, resolve } = useClosureSteps(id);
  const [error, setError] = useState<string | null>(null);
  const onError = (err: unknown) => setError(errorText(err));
  const onSuccess = () => setError(null);
  const mayTake = can('booking:take');
  const c = closure.data;
  const affected = c?.affected ?? [];
  const busy = notified.isPending || resolve.isPending;

  return (
    <>
      <PageHeader title={t('closure.title', { resource: c?.resourceName ?? '' })}>
        <Typography.Text type="secondary">{t('closure.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={closure.error} onRetry={() => void closure.refetch()} retryText={t('common.retry')} />
        {c ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('closure.when')}>
                {t('closure.span', { from: clockText(c.startsAt, tz), to: clockText(c.endsAt, tz), reason: c.reason })}
              </Descriptions.Item>
              {c.createdBy ? <Descriptions.Item label={t('closure.createdBy')}>{c.createdBy}</Descriptions.Item> : null}
            </Descriptions>
            <Space wrap data-testid="closure-stats">
              {c.late ? <Tag color="red">{t('closure.lateTag', { days: c.noticeDays, name: c.confirmedBy ?? '' })}</Tag> : null}
              <Tag>
                {t('closure.stats', {
                  total: affected.length,
                  notified: affected.filter((a) => a.notifiedAt).length,
                  pending: affected.filter((a) => a.outcome === 'pending').length,
                })}
              </Tag>
            </Space>
            {error ? <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} data-testid="closure-error" /> : null}
            <Table<AffectedBooking>
              rowKey="bookingId"
              size="small"
              pagination={false}
              dataSource={affected}
              locale={{ emptyText: t('closure.none') }}
              onRow={(a) => ({ 'data-testid': `affected-${a.number}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'number', title: t('closure.col.number'), render: (_, a) => <Link to={`/bookings/${a.bookingId}`}>{a.number}</Link> },
                {
                  key: 'customer',
                  title: t('closure.col.customer'),
                  render: (_, a) => (a.customerName ? <Link to={`/customers/${a.customerId}`}>{a.customerName}</Link> : t('bookings.hiddenCustomer')),
                },
                { key: 'time', title: t('closure.col.time'), render: (_, a) => `${clockText(a.startsAt, tz)}–${clockText(a.endsAt, tz, false)}` },
                { key: 'places', title: t('bookings.form.places'), dataIndex: 'places', width: 60 },
                {
                  key: 'email',
                  title: t('closure.col.email'),
                  render: (_, a) => <Tag color={EMAIL_COLOR[a.emailStatus]}>{t(`closure.email.${a.emailStatus}`)}</Tag>,
                },
                {
                  key: 'notified',
                  title: t('closure.col.notified'),
                  render: (_, a) =>
                    a.notifiedAt ? (
                      <Typography.Text type="success" data-testid="affected-notified">
                        ✓{' '}
                        {t('closure.notified', {
                          by: a.notifiedBy === 'email' ? t('closure.email.sent') : (a.notifiedBy ?? ''),
                          at: clockText(a.notifiedAt, tz),
                        })}
                      </Typography.Text>
                    ) : mayTake ? (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => notified.mutate(a.bookingId, { onError, onSuccess })}
                        data-testid="affected-mark-notified"
                      >
                        {t('closure.markNotified')}
                      </Button>
                    ) : null,
                },
                {
                  key: 'outcome',
                  title: t('closure.col.outcome'),
                  render: (_, a) => {
                    if (a.outcome === 'moved') return <Tag color="green">{t('closure.moved', { time: clockText(a.movedTo ?? a.startsAt, tz) })}</Tag>;
                    if (a.outcome === 'cancelled') return <Tag>{t('closure.cancelled')}</Tag>;
                    if (!mayTake) return null;
                    return (
                      <Space wrap size={4}>
                        {a.alternatives.length === 0 ? <Typography.Text type="secondary">{t('closure.noAlternative')}</Typography.Text> : null}
                        {a.alternatives.map((s) => (
                          <Popconfirm
                            key={s.startsAt}
                            title={t('closure.moveConfirm', { time: clockText(s.startsAt, tz) })}
                            onConfirm={() =>
                              resolve.mutate(
                                { bookingId: a.bookingId, body: { action: 'move', startsAt: s.startsAt, endsAt: s.endsAt } },
                                { onError, onSuccess },
                              )
                            }
                          >
                            <Button size="small" disabled={busy} data-testid="affected-move">
                              {t('closure.moveTo', { time: clockText(s.startsAt, tz) })}
                            </Button>
                          </Popconfirm>
                        ))}
                        <Popconfirm
                          title={t('closure.cancelConfirm')}
                          onConfirm={() => resolve.mutate({ bookingId: a.bookingId, body: { action: 'cancel' } }, { onError, onSuccess })}
                        >
                          <Button size="small" danger disabled={busy} data-testid="affected-cancel">
                            {t('closure.cancel')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Space>
        ) : null}
      </Card>
    </>
  );
}
