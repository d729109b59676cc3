import type { BookingSheet } from '@kefu/shared/booking-extras';
import { zonedDate } from '@kefu/shared/calendar/zoned';
import { Alert, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { api, downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone } from '../api';
import { useExtrasSettings } from '../extras-api';
import { clockText } from '../slots';

/** Hidden when printed: the menus and the buttons; the sheet prints as the departments read it. */
const PRINT_CSS = '@media print { .ant-layout-sider, .ant-layout-header, .no-print { display: none !important; } .ant-card { box-shadow: none !important; } }';

/** 预订单 (seed 003 接受预约): tomorrow's bookings per department, confirmed before the deadline, printed, downloaded, emailed. */
export function SheetPage() {
  const t = useT();
  const { can } = useSession();
  const qc = useQueryClient();
  const timeZone = useDepartmentTimeZone();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? '';
  const key = ['bookings', 'sheet', date];
  const sheet = useQuery({ queryKey: key, queryFn: () => api.get<BookingSheet>('/api/v1/bookings/sheet', date ? { date } : {}) });
  const extras = useExtrasSettings();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const done = (text: string) => (setNotice({ ok: true, text }), qc.invalidateQueries({ queryKey: ['bookings', 'sheet'] }));
  const fail = (err: unknown) => setNotice({ ok: false, text: errorText(err) });
  const confirm = useMutation({
    mutationFn: (s: BookingSheet) => api.post<BookingSheet>('/api/v1/bookings/sheet/confirm', { date: s.date, fingerprint: s.fingerprint }),
    onSuccess: (s) =>
      done(
        t('bookings.sheet.confirmed', { by: s.confirmation?.confirmedBy ?? '', at: clockText(s.confirmation?.confirmedAt ?? '', timeZone ?? 'Asia/Shanghai') }),
      ),
    onError: fail,
  });
  const send = useMutation({
    mutationFn: (s: BookingSheet) => api.post<{ results: { department: string; status: string }[] }>('/api/v1/bookings/sheet/send', { date: s.date }),
    onSuccess: (r) =>
      done(
        t('bookings.sheet.sent', {
          list: r.results
            .filter((x) => x.status === 'sent')
            .map((x) => x.department)
            .join('、'),
        }),
      ),
    onError: fail,
  });

  const s = sheet.data;
  const mailOff = extras.data?.mailConfigured === false;
  const tz = timeZone ?? 'Asia/Shanghai';
  const deadline = s ? clockText(s.deadlineAt, tz) : '';
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader title={s ? `${t('bookings.sheet.title')} · ${s.date}` : t('bookings.sheet.title')}>
        <Typography.Text type="secondary">{t('bookings.sheet.help', { deadline: s ? deadline : '15:00' })}</Typography.Text>
      </PageHeader>
      <Card variant="borderless">
        <ErrorAlert error={sheet.error} onRetry={() => void sheet.refetch()} retryText={t('common.retry')} />
        {s ? (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap className="no-print">
              <DatePicker
                value={dayjs(s.date)}
                allowClear={false}
                onChange={(d) => d && setParams({ date: d.format('YYYY-MM-DD') }, { replace: true })}
                aria-label={t('bookings.date')}
                data-testid="sheet-date"
              />
              {can('booking:sheet') ? (
                <Button type="primary" onClick={() => confirm.mutate(s)} loading={confirm.isPending} data-testid="sheet-confirm">
                  {t('bookings.sheet.confirm')}
                </Button>
              ) : null}
              <Button onClick={() => window.print()} data-testid="sheet-print">
                {t('bookings.sheet.print')}
              </Button>
              <Button onClick={() => void downloadFile(`/api/v1/bookings/sheet.xlsx?date=${s.date}`).catch(fail)} data-testid="sheet-xlsx">
                {t('bookings.sheet.xlsx')}
              </Button>
              {can('booking:sheet') ? (
                <Button onClick={() => send.mutate(s)} loading={send.isPending} disabled={mailOff} data-testid="sheet-send">
                  {t('bookings.sheet.send')}
                </Button>
              ) : null}
              {can('resource:manage') ? (
                <Link to="/bookings/settings" data-testid="sheet-settings">
                  {t('bookingSettings.link')}
                </Link>
              ) : null}
            </Space>
            {notice ? (
              <Alert
                className="no-print"
                type={notice.ok ? 'success' : 'error'}
                showIcon
                title={notice.text}
                closable
                onClose={() => setNotice(null)}
                data-testid="sheet-notice"
              />
            ) : null}
            <Space wrap data-testid="sheet-status">
              <Tag>{t('bookings.sheet.count', { count: s.bookingCount })}</Tag>
              {s.confirmation ? (
                <Tag color={s.confirmation.changedSinceConfirmed ? 'orange' : 'green'}>
                  {t('bookings.sheet.confirmed', { by: s.confirmation.confirmedBy, at: clockText(s.confirmation.confirmedAt, tz) })}
                </Tag>
              ) : (
                <Tag color={s.overdue ? 'red' : 'default'}>{t('bookings.sheet.unconfirmed')}</Tag>
              )}
              {s.confirmation?.changedSinceConfirmed ? <Tag color="orange">{t('bookings.sheet.changed')}</Tag> : null}
              {mailOff ? (
                <Tag color="orange" className="no-print" data-testid="sheet-mail-off">
                  {t('bookings.sheet.mailOff')}
                </Tag>
              ) : null}
            </Space>
            {s.overdue ? <Alert type="error" showIcon title={t('bookings.sheet.overdue', { deadline })} data-testid="sheet-overdue" /> : null}
            {s.departments.map((d) => (
              <Card
                key={d.code}
                size="small"
                title={`${d.name}${d.email ? ` · ${d.email}` : ` ${t('bookings.sheet.noEmail')}`}`}
                data-testid={`sheet-dept-${d.code}`}
                style={{ breakInside: 'avoid' }}
              >
                <Table
                  size="small"
                  pagination={false}
                  rowKey={(_, i) => String(i)}
                  locale={{ emptyText: t('bookings.sheet.none') }}
                  columns={d.headers.map((h, i) => ({ title: h, dataIndex: i, key: String(i) }))}
                  dataSource={d.rows.map((r) => Object.fromEntries(r.map((c, i) => [i, c])))}
                />
              </Card>
            ))}
          </Space>
        ) : null}
        {!timeZone && !s ? <Typography.Text type="secondary">{zonedDate(new Date(), 'Asia/Shanghai')}</Typography.Text> : null}
      </Card>
    </>
  );
}
