import { WAITLIST_STATUS_LABELS, type WaitlistEntry, type WaitlistStatus } from '@kefu/shared/booking-extras';
import { zonedDate } from '@kefu/shared/calendar/zoned';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT, type Translate } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { downloadFile, withQuery } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useNow } from '../../complaints/use-now';
import { useDepartmentTimeZone, useResources } from '../api';
import { useWaitlist, useWaitlistStep, type WaitlistFilter, type WaitlistStep } from '../extras-api';
import { clockText } from '../slots';

const STATUS_COLOR: Record<WaitlistStatus, string> = {
  waiting: 'blue',
  offered: 'orange',
  accepted: 'green',
  declined: 'default',
  expired: 'red',
  withdrawn: 'default',
};

/** How long the held place still waits for the customer's answer. */
function leftText(t: Translate, until: string, now: number): string {
  const ms = Date.parse(until) - now;
  if (ms <= 0) return t('waitlist.left.over');
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return t('waitlist.left.minutes', { m: minutes });
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  return m === 0 ? t('waitlist.left.wholeHours', { h }) : t('waitlist.left.hours', { h, m });
}

/** 候补名单 (seed 004 约课排课): who waits for which full time, in order; a freed place is held for the first, staff record the answer. */
export function WaitlistPage() {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const tz = useDepartmentTimeZone() ?? 'Asia/Shanghai';
  const now = useNow(15_000);
  const [params, setParams] = useSearchParams();
  const filter: WaitlistFilter = {
    resourceId: params.get('resource') ?? undefined,
    status: (['live', 'offered', 'all'] as const).find((s) => s === params.get('status')) ?? 'live',
  };
  const date = params.get('date') ?? '';
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const resources = useResources(true);
  const list = useWaitlist(filter);
  const step = useWaitlistStep();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const rows = (list.data?.items ?? []).filter((e) => !date || zonedDate(new Date(e.startsAt), tz) === date);
  const mayTake = can('booking:take');
  const mayOpenCards = can('card:read');

  const run = (s: WaitlistStep, entry: WaitlistEntry) =>
    step.mutate(
      { step: s, entry },
      {
        onSuccess: (e) => setNotice({ ok: true, text: t(`waitlist.done.${s}`, { customer: e.customerName ?? '' }) }),
        onError: (err) => setNotice({ ok: false, text: errorText(err) }),
      },
    );
  const exportXlsx = () =>
    void downloadFile(withQuery('/api/v1/bookings/waitlist.xlsx', { ...filter, date })).catch((err) => setNotice({ ok: false, text: errorText(err) }));

  return (
    <>
      <PageHeader
        title={t('waitlist.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="waitlist-xlsx">
            {t('waitlist.xlsx')}
          </Button>
        }
      >
        <Typography.Text type="secondary">{t('waitlist.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            placeholder={t('waitlist.filter.resource')}
            value={filter.resourceId}
            onChange={(v?: string) => set('resource', v)}
            options={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
            data-testid="waitlist-resource"
          />
          <DatePicker
            placeholder={t('waitlist.filter.date')}
            value={date ? dayjs(date) : null}
            onChange={(d) => set('date', d ? d.format('YYYY-MM-DD') : undefined)}
            data-testid="waitlist-date"
          />
          <Segmented
            value={filter.status}
            onChange={(v) => set('status', v === 'live' ? undefined : String(v))}
            options={(['live', 'offered', 'all'] as const).map((s) => ({ value: s, label: t(`waitlist.filter.${s}`) }))}
          />
        </Space>
        {notice ? (
          <Alert
            type={notice.ok ? 'success' : 'error'}
            showIcon
            closable
            onClose={() => setNotice(null)}
            title={notice.text}
            style={{ marginBottom: 12 }}
            data-testid="waitlist-notice"
          />
        ) : null}
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<WaitlistEntry>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('waitlist.none') }}
          onRow={(e) => ({ 'data-testid': `waitlist-row-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              key: 'customer',
              title: t('waitlist.col.customer'),
              render: (_, e) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {e.customerName ? <Link to={`/customers/${e.customerId}`}>{e.customerName}</Link> : t('bookings.hiddenCustomer')}
                </span>
              ),
            },
            { key: 'resource', title: t('waitlist.col.resource'), dataIndex: 'resourceName' },
            {
              key: 'slot',
              title: t('waitlist.col.slot'),
              render: (_, e) => `${clockText(e.startsAt, tz)}–${clockText(e.endsAt, tz, false)}`,
            },
            { key: 'places', title: t('waitlist.col.places'), dataIndex: 'places', width: 60 },
            {
              key: 'status',
              title: t('waitlist.col.status'),
              render: (_, e) => <Tag color={STATUS_COLOR[e.status]}>{WAITLIST_STATUS_LABELS[e.status][lang]}</Tag>,
            },
            { key: 'position', title: t('waitlist.col.position'), render: (_, e) => (e.position ? t('waitlist.position', { n: e.position }) : '') },
            {
              key: 'card',
              title: t('waitlist.col.card'),
              render: (_, e) =>
                e.cardNumber ? (
                  <span style={{ whiteSpace: 'nowrap' }} data-testid="waitlist-card">
                    {mayOpenCards ? <Link to={`/cards/${e.cardId}`}>{e.cardNumber}</Link> : e.cardNumber}
                  </span>
                ) : e.cardId ? (
                  t('waitlist.card.hidden')
                ) : (
                  <Typography.Text type="secondary">{t('waitlist.card.none')}</Typography.Text>
                ),
            },
            {
              key: 'offer',
              title: t('waitlist.col.offer'),
              // the card refusal wraps inside the column instead of squeezing the names beside it
              width: 240,
              render: (_, e) => (
                <Space direction="vertical" size={0}>
                  {e.status === 'offered' && e.offerExpiresAt ? (
                    <>
                      <span>{clockText(e.offerExpiresAt, tz)}</span>
                      <Typography.Text type={Date.parse(e.offerExpiresAt) - now < 15 * 60_000 ? 'danger' : 'warning'} data-testid="waitlist-left">
                        {leftText(t, e.offerExpiresAt, now)}
                      </Typography.Text>
                    </>
                  ) : null}
                  {e.offerCardRefusal && e.offerBookingId ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="waitlist-card-refusal">
                      {t('waitlist.cardRefusal', { reason: e.offerCardRefusal.message })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            { key: 'takenBy', title: t('waitlist.col.takenBy'), render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{e.takenBy}</span> },
            {
              key: 'actions',
              title: '',
              render: (_, e) => (
                <Space wrap>
                  {e.offerBookingId && e.status !== 'declined' && e.status !== 'expired' ? (
                    <Link to={`/bookings/${e.offerBookingId}`}>{t('waitlist.heldBooking')}</Link>
                  ) : null}
                  {mayTake && e.status === 'offered' ? (
                    <>
                      <Button size="small" type="primary" loading={step.isPending} onClick={() => run('accept', e)} data-testid="waitlist-accept">
                        {t('waitlist.accept')}
                      </Button>
                      <Popconfirm title={t('waitlist.decline.confirm')} onConfirm={() => run('decline', e)}>
                        <Button size="small" danger data-testid="waitlist-decline">
                          {t('waitlist.decline')}
                        </Button>
                      </Popconfirm>
                    </>
                  ) : null}
                  {mayTake && e.status === 'waiting' ? (
                    <Popconfirm title={t('waitlist.withdraw.confirm')} onConfirm={() => run('withdraw', e)}>
                      <Button size="small" data-testid="waitlist-withdraw">
                        {t('waitlist.withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
