import { allowedBookingActions, canMarkAttendance } from '@kefu/shared/booking-policy';
import { BOOKING_CHANNEL_LABELS } from '@kefu/shared/booking';
import type { Booking } from '@kefu/shared/booking';
import { Alert, Button, Card, Descriptions, Popconfirm, Result, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT, type Translate } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useBooking, useBookingStep, useDepartmentTimeZone } from '../api';
import { BookingStatusTag } from '../components/BookingTable';
import { ExceptionsCard } from '../components/ExceptionsCard';
import { StepDialog, type StepKind } from '../components/StepDialog';
import { clockText } from '../slots';

const HOLD_COLOR = { held: 'blue', charged: 'green', released: 'default' } as const;

/** Which card the booking is charged to (decision 018): its number (to the card page), type, and where the lesson stands. */
function CardCharged({ b, t, mayOpen }: { b: Booking; t: Translate; mayOpen: boolean }) {
  if (!b.cardId) return <span data-testid="booking-card-charge">{t('booking.card.none')}</span>;
  if (!b.card) return <span data-testid="booking-card-charge">{t('booking.card.hidden')}</span>;
  const { hold } = b.card;
  const state =
    hold === 'charged' && b.chargeWaived
      ? 'booking.card.chargedBack'
      : hold === 'held'
        ? 'booking.card.held'
        : hold === 'charged'
          ? 'booking.card.charged'
          : hold === 'released'
            ? 'booking.card.released'
            : null;
  return (
    <Space size={8} wrap data-testid="booking-card-charge">
      {mayOpen ? <Link to={`/cards/${b.cardId}`}>{b.card.number}</Link> : <span>{b.card.number}</span>}
      <span>{b.card.typeName}</span>
      {hold && state ? <Tag color={b.chargeWaived && hold === 'charged' ? 'default' : HOLD_COLOR[hold]}>{t(state, { n: b.places })}</Tag> : null}
    </Space>
  );
}

/** One booking: what was booked, and the steps its state (shared rules) and the reader's permissions allow. */
export function BookingPage() {
  const t = useT();
  const { lang } = useLang();
  const { id = '' } = useParams();
  const { can } = useSession();
  const q = useBooking(id);
  const timeZone = useDepartmentTimeZone();
  const step = useBookingStep(id);
  const [dialog, setDialog] = useState<StepKind | null>(null);
  if (q.isPending || !timeZone) return <Spin />;
  if (q.error) return isApiError(q.error) && q.error.status === 404 ? <Result status="404" title={q.error.display} /> : <ErrorAlert error={q.error} />;
  const b = q.data;
  const allowed = allowedBookingActions(b.status);
  const pending = b.exceptions.some((e) => e.status === 'pending');
  const mayTake = can('booking:take');
  const begun = canMarkAttendance(new Date(b.startsAt), new Date());
  const mark = (outcome: 'attended' | 'no_show') => step.mutate({ kind: 'attendance', body: { outcome, version: b.version } });

  return (
    <>
      <PageHeader title={t('booking.title', { number: b.number })}>
        <span data-testid="booking-state">
          <BookingStatusTag status={b.status} />
        </span>
      </PageHeader>
      <Card variant="borderless" data-testid="booking-card">
        <ErrorAlert error={step.error} />
        {b.chargeWaived ? <Alert type="success" showIcon title={t('booking.chargeWaived')} style={{ marginBottom: 12 }} data-testid="charge-waived" /> : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('booking.field.customer')}>
            {b.customerName ? <Link to={`/customers/${b.customerId}`}>{b.customerName}</Link> : t('bookings.hiddenCustomer')}
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.field.resource')}>{b.resourceName}</Descriptions.Item>
          <Descriptions.Item label={t('booking.field.time')}>
            {clockText(b.startsAt, timeZone)} – {clockText(b.endsAt, timeZone, false)}
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.field.places')}>{b.places}</Descriptions.Item>
          <Descriptions.Item label={t('booking.field.channel')}>{BOOKING_CHANNEL_LABELS[b.channel][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('booking.field.card')}>
            <CardCharged b={b} t={t} mayOpen={can('card:read')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('booking.field.notes')}>{b.notes || '—'}</Descriptions.Item>
          {b.cancelReason ? <Descriptions.Item label={t('booking.field.cancelReason')}>{b.cancelReason}</Descriptions.Item> : null}
        </Descriptions>
        {mayTake ? (
          <Space wrap style={{ marginTop: 16 }}>
            {allowed.includes('cancel') ? (
              <Button danger onClick={() => setDialog('cancel')} data-testid="booking-cancel">
                {t('booking.cancel')}
              </Button>
            ) : null}
            {allowed.includes('move') ? (
              <Button onClick={() => setDialog('move')} data-testid="booking-move">
                {t('booking.move')}
              </Button>
            ) : null}
            {allowed.includes('attend') && begun ? (
              <Popconfirm title={t('booking.markConfirm')} onConfirm={() => mark('attended')}>
                <Button data-testid="booking-attended">{t('booking.attended')}</Button>
              </Popconfirm>
            ) : null}
            {allowed.includes('no_show') && begun ? (
              <Popconfirm title={t('booking.markConfirm')} onConfirm={() => mark('no_show')}>
                <Button data-testid="booking-no-show">{t('booking.noShow')}</Button>
              </Popconfirm>
            ) : null}
            {allowed.includes('request_exception') && !pending ? (
              <Button onClick={() => setDialog('exception')} data-testid="booking-request-exception">
                {t('booking.requestException')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Card>
      <ExceptionsCard booking={b} timeZone={timeZone} />
      {dialog ? (
        <StepDialog key={dialog} booking={b} kind={dialog} timeZone={timeZone} onClose={() => setDialog(null)} onException={() => setDialog('exception')} />
      ) : null}
    </>
  );
}
