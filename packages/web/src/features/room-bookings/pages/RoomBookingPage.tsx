import { BOOKING_STATUS_LABELS, type BookingStatus } from '@kefu/shared/booking';
import { GUEST_IDENTITY_LABELS, ROOM_CHANNEL_LABELS, ROOM_EXTRA_LABELS, ROOM_FORM_KIND_LABELS, ROOM_PAYMENT_LABELS } from '@kefu/shared/room-booking';
import { Alert, Button, Card, Descriptions, Input, List, Modal, Result, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone } from '../../bookings/api';
import { clockText } from '../../bookings/slots';
import { useRoomBooking, useRoomWrite } from '../api';
import { GUEST_LABELS, RoomFormDialog } from '../components/RoomFormDialog';
import { RoomKindTag } from './RoomListPage';

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** One version of a 冠名房预订表: every field, the nights it holds, print, 更改 / 取消, and the versions of the form. */
export function RoomBookingPage() {
  const t = useT();
  const { lang } = useLang();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const { can } = useSession();
  const q = useRoomBooking(id);
  const timeZone = useDepartmentTimeZone();
  const write = useRoomWrite();
  const [changing, setChanging] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [confirmedBy, setConfirmedBy] = useState('');
  const [remarks, setRemarks] = useState('');
  if (q.isPending || !timeZone) return <Spin />;
  if (q.error) return isApiError(q.error) && q.error.status === 404 ? <Result status="404" title={q.error.display} /> : <ErrorAlert error={q.error} />;
  const f = q.data;
  const latest = f.versions.at(-1)!;
  const live = f.current && f.kind !== 'cancel';
  const L = (k: keyof typeof GUEST_LABELS) => GUEST_LABELS[k][lang];

  return (
    <>
      <PageHeader
        title={t('rooms.page.title', { number: f.number })}
        extra={
          <Space>
            <Button href={`/api/v1/room-bookings/${f.id}/form.pdf`} target="_blank" data-testid="room-print">
              {t('rooms.print')}
            </Button>
            {live && can('booking:take') ? (
              <>
                <Button onClick={() => setChanging(true)} data-testid="room-change">
                  {t('rooms.change')}
                </Button>
                <Button danger onClick={() => setCancelling(true)} data-testid="room-cancel">
                  {t('rooms.cancel')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      >
        <span data-testid="room-state">
          <RoomKindTag kind={f.kind} revision={f.revision} />
        </span>
      </PageHeader>
      {!f.current ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rooms.page.notCurrent', { revision: latest.revision })}
          action={<Link to={`/room-bookings/${latest.id}`}>{t('rooms.page.openLatest')}</Link>}
        />
      ) : null}
      <Card variant="borderless" data-testid="room-card">
        <ErrorAlert error={write.error} />
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={L('guestIdentity')}>{GUEST_IDENTITY_LABELS[f.guestIdentity][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('rooms.field.customer')}>
            <Link to={`/customers/${f.customerId}`}>{f.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('rooms.col.guest')}>{f.guestName}</Descriptions.Item>
          <Descriptions.Item label={L('contact')}>{f.contact}</Descriptions.Item>
          <Descriptions.Item label={L('company')} span={2}>
            {f.company || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('rooms.col.stay')} span={2}>
            {t('rooms.page.nights', { arrival: f.arrival, departure: f.departure, nights: f.nights })}
          </Descriptions.Item>
          <Descriptions.Item label={L('roomType')}>{f.roomType}</Descriptions.Item>
          <Descriptions.Item label={L('persons')}>{f.persons}</Descriptions.Item>
          <Descriptions.Item label={L('rooms')}>{f.rooms}</Descriptions.Item>
          <Descriptions.Item label={t('rooms.col.rooms')}>{f.roomNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={L('price')}>¥{yuan(f.priceFen)}</Descriptions.Item>
          <Descriptions.Item label={L('discount')}>{f.discountPercent}%</Descriptions.Item>
          <Descriptions.Item label={L('rate')} span={2}>
            <strong data-testid="room-rate-value">¥{yuan(f.rateFen)}</strong>
          </Descriptions.Item>
          <Descriptions.Item label={L('extras')} span={2}>
            {f.extras.map((x) => ROOM_EXTRA_LABELS[x][lang]).join('、') || '—'}
            {f.extrasNote ? ` · ${f.extrasNote}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={L('payment')}>{ROOM_PAYMENT_LABELS[f.paymentMethod][lang]}</Descriptions.Item>
          <Descriptions.Item label={L('channel')}>{ROOM_CHANNEL_LABELS[f.channel][lang]}</Descriptions.Item>
          <Descriptions.Item label={L('remarks')} span={2}>
            {f.remarks || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={L('bookedOn')}>{f.bookedOn}</Descriptions.Item>
          <Descriptions.Item label={L('receivedBy')}>{f.receivedBy}</Descriptions.Item>
          <Descriptions.Item label={L('enteredBy')}>{f.enteredBy}</Descriptions.Item>
          <Descriptions.Item label={L('confirmedBy')}>{f.confirmedBy || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rooms.page.holds')} span={2}>
            <Space wrap>
              {f.holds.map((h) => (
                <Link key={h.bookingId} to={`/bookings/${h.bookingId}`}>
                  <Tag color={h.status === 'booked' ? 'blue' : 'default'}>
                    {h.resourceName} · {h.bookingNumber} · {BOOKING_STATUS_LABELS[h.status as BookingStatus]?.[lang] ?? h.status}
                  </Tag>
                </Link>
              ))}
              {f.holds.length ? null : '—'}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card variant="borderless" title={t('rooms.page.versions')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={f.versions}
          renderItem={(v) => (
            <List.Item>
              <Link to={`/room-bookings/${v.id}`} style={{ fontWeight: v.id === f.id ? 600 : undefined }}>
                {t('rooms.page.version', {
                  revision: v.revision,
                  kind: ROOM_FORM_KIND_LABELS[v.kind][lang],
                  by: v.enteredBy,
                  confirmed: v.confirmedBy ? t('rooms.page.confirmedBy', { name: v.confirmedBy }) : '',
                  at: clockText(v.createdAt, timeZone),
                })}
              </Link>
            </List.Item>
          )}
        />
      </Card>
      {changing ? (
        <RoomFormDialog
          timeZone={timeZone}
          current={f}
          onClose={() => setChanging(false)}
          onSaved={(n) => (setChanging(false), navigate(`/room-bookings/${n.id}`))}
        />
      ) : null}
      <Modal
        open={cancelling}
        title={t('rooms.cancel')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !confirmedBy.trim(), 'data-testid': 'room-cancel-ok' }}
        confirmLoading={write.isPending}
        onOk={() =>
          write.mutate(
            { kind: 'cancel', id: f.id, body: { confirmedBy: confirmedBy.trim(), remarks: remarks.trim(), revision: f.revision } },
            { onSuccess: (n) => (setCancelling(false), navigate(`/room-bookings/${n.id}`)) },
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            placeholder={L('confirmedBy')}
            value={confirmedBy}
            maxLength={50}
            onChange={(e) => setConfirmedBy(e.target.value)}
            data-testid="room-cancel-confirmed"
          />
          <Input.TextArea rows={2} placeholder={L('remarks')} value={remarks} maxLength={1000} onChange={(e) => setRemarks(e.target.value)} />
        </Space>
      </Modal>
    </>
  );
}
