import { zonedDate } from '@kefu/shared/calendar/zoned';
import type { Booking } from '@kefu/shared/booking';
import { Alert, Card, DatePicker, Empty, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useSession } from '../../auth/session';
import { useLinkedCustomer } from '../../complaints/api';
import { useDayBookings, useDepartmentTimeZone, useMoveBooking, useResources } from '../api';
import { errorText } from '../../../lib/api-error';
import { BookingFormDialog } from '../components/BookingFormDialog';
import { BookingTable } from '../components/BookingTable';
import { DayGrid } from '../components/DayGrid';
import { daySlots, type DaySlot } from '../slots';

/** 排课表: a resource's day in slots with places taken; a click on a slot opens the booking form (seed 004 约课排课). */
export function SchedulePage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const timeZone = useDepartmentTimeZone();
  const resources = useResources();
  const items = resources.data?.items ?? [];
  const resource = items.find((r) => r.id === params.get('resource')) ?? items[0];
  const date = params.get('date') ?? (timeZone ? zonedDate(new Date(), timeZone) : '');
  const day = useDayBookings(resource?.id, date);
  // opened from a customer's page ("为该客户预约"): that customer is already in the form
  const customerId = params.get('customerId');
  const linked = useLinkedCustomer(customerId);
  const [picked, setPicked] = useState<DaySlot | null>(null);
  const move = useMoveBooking();
  const [moveResult, setMoveResult] = useState<{ ok: boolean; text: string } | null>(null);
  // drag to move: the same move as on the booking's page (change window, places); a refusal leaves the chip in place
  const onMove = (b: Booking, slot: DaySlot) => {
    const length = Date.parse(b.endsAt) - Date.parse(b.startsAt);
    const endsAt = new Date(Date.parse(slot.startsAt) + length).toISOString();
    setMoveResult(null);
    move.mutate(
      { id: b.id, body: { startsAt: slot.startsAt, endsAt, via: 'phone', version: b.version } },
      {
        onSuccess: () => setMoveResult({ ok: true, text: t('bookings.drag.moved', { time: slot.label }) }),
        onError: (err) => setMoveResult({ ok: false, text: errorText(err) }),
      },
    );
  };

  const bookings = useMemo(() => day.data?.items ?? [], [day.data]);
  const slots = useMemo(
    () => (resource && timeZone && date ? daySlots(resource, date, timeZone, bookings, new Date()) : []),
    [resource, timeZone, date, bookings],
  );
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next, { replace: true });
  };
  const customer = linked.data ? { id: linked.data.id, name: linked.data.name, mobile: linked.data.mobile, masked: linked.data.masked } : null;

  return (
    <>
      <PageHeader title={t('bookings.schedule.title')}>
        <Typography.Text type="secondary">{t('bookings.schedule.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={resources.error ?? day.error} onRetry={() => void day.refetch()} retryText={t('common.retry')} />
        {resources.isSuccess && !items.length ? <Empty description={t('bookings.noResources')} /> : null}
        {resource && timeZone ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Select
                style={{ minWidth: 220 }}
                value={resource.id}
                onChange={(id) => setParam('resource', id)}
                options={items.map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}）` }))}
                aria-label={t('bookings.resource')}
                data-testid="schedule-resource"
              />
              <DatePicker
                value={dayjs(date)}
                allowClear={false}
                onChange={(d) => d && setParam('date', d.format('YYYY-MM-DD'))}
                aria-label={t('bookings.date')}
                data-testid="schedule-date"
              />
            </Space>
            {moveResult ? (
              <Alert
                type={moveResult.ok ? 'success' : 'error'}
                showIcon
                closable
                onClose={() => setMoveResult(null)}
                title={moveResult.ok ? moveResult.text : t('bookings.drag.refused')}
                description={moveResult.ok ? undefined : moveResult.text}
                data-testid="move-result"
              />
            ) : null}
            <DayGrid slots={slots} capacity={resource.capacity} canBook={can('booking:take')} onPick={setPicked} onMove={onMove} />
            <BookingTable items={bookings} timeZone={timeZone} loading={day.isPending} emptyText={t('bookings.day.none')} />
          </Space>
        ) : null}
      </Card>
      {picked && resource && timeZone ? (
        <BookingFormDialog
          resource={resource}
          resources={items}
          slot={picked}
          customer={customer}
          timeZone={timeZone}
          onClose={() => setPicked(null)}
          onBooked={(b) => navigate(`/bookings/${b.id}`)}
        />
      ) : null}
    </>
  );
}
