import { zonedDate } from '@kefu/shared/calendar/zoned';
import {
  GUEST_IDENTITIES,
  GUEST_IDENTITY_LABELS,
  ROOM_CHANNEL_LABELS,
  ROOM_CHANNELS,
  ROOM_EXTRA_LABELS,
  ROOM_EXTRAS,
  ROOM_PAYMENT_LABELS,
  ROOM_PAYMENT_METHODS,
  roomBookingChangeSchema,
  roomBookingCreateSchema,
  roomRateFen,
  type RoomBooking,
} from '@kefu/shared/room-booking';
import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { showServerErrors } from '../../../lib/schema-form';
import { useSession } from '../../auth/session';
import { useResources } from '../../bookings/api';
import { useIdempotencyKey } from '../../bookings/idempotency';
import { CustomerSearchSelect } from '../../complaints/components/CustomerSearchSelect';
import { useRoomWrite } from '../api';

const FIELDS = [
  'customerId',
  'guestIdentity',
  'guestName',
  'contact',
  'company',
  'arrival',
  'departure',
  'roomType',
  'persons',
  'roomIds',
  'discountPercent',
  'extras',
  'extrasNote',
  'paymentMethod',
  'channel',
  'remarks',
  'bookedOn',
  'receivedBy',
  'confirmedBy',
] as const;

type Values = Record<(typeof FIELDS)[number], unknown> & { priceYuan: number | null; arrival: Dayjs; departure: Dayjs; bookedOn: Dayjs };
const yuanText = (fen: number) => (fen / 100).toFixed(2);

/** 附件一 冠名房预订表, field by field: a new form, or a change of the current version (须填确认人). */
export function RoomFormDialog({
  timeZone,
  current,
  onClose,
  onSaved,
}: {
  timeZone: string;
  current?: RoomBooking;
  onClose: () => void;
  onSaved: (f: RoomBooking) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const resources = useResources();
  const write = useRoomWrite();
  const keyFor = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const price = Form.useWatch('priceYuan', form);
  const discount = Form.useWatch('discountPercent', form);
  const rooms = (resources.data?.items ?? []).filter((r) => r.kind === 'named_room' && r.active);
  const today = zonedDate(new Date(), timeZone);

  const initial = current
    ? {
        ...current,
        arrival: dayjs(current.arrival),
        departure: dayjs(current.departure),
        bookedOn: dayjs(current.bookedOn),
        priceYuan: current.priceFen / 100,
        confirmedBy: '',
      }
    : {
        guestIdentity: 'visitor',
        persons: 1,
        discountPercent: 100,
        extras: [],
        paymentMethod: 'cash',
        channel: 'phone',
        bookedOn: dayjs(today),
        receivedBy: user.displayName,
        company: '',
        remarks: '',
        extrasNote: '',
        confirmedBy: '',
      };

  const submit = async () => {
    const v = form.getFieldsValue();
    const day = (d: unknown) => (dayjs.isDayjs(d) ? d.format('YYYY-MM-DD') : '');
    const values = {
      ...v,
      arrival: day(v.arrival),
      departure: day(v.departure),
      bookedOn: day(v.bookedOn),
      priceFen: Math.round(Number(v.priceYuan ?? 0) * 100),
      roomIds: v.roomIds ?? [],
      ...(current ? { revision: current.revision } : {}),
    };
    const parsed = (current ? roomBookingChangeSchema : roomBookingCreateSchema).safeParse(values);
    if (!parsed.success) {
      const mapped = toFormFields<Values>(zodFieldErrors(parsed.error, lang), [...FIELDS, 'priceFen']);
      form.setFields(mapped.fields);
      setError(mapped.others.length ? mapped.others.join('；') : null);
      return;
    }
    setError(null);
    try {
      const saved = current
        ? await write.mutateAsync({ kind: 'change', id: current.id, body: parsed.data as never })
        : await write.mutateAsync({ kind: 'new', body: parsed.data, idempotencyKey: keyFor(parsed.data) });
      onSaved(saved);
    } catch (err) {
      setError(showServerErrors(form, err, FIELDS));
    }
  };

  const rateFen = typeof price === 'number' && typeof discount === 'number' ? roomRateFen(Math.round(price * 100), discount) : null;
  const ticks = <K extends string>(keys: readonly K[], labels: Record<K, { 'zh-CN': string; en: string }>) =>
    keys.map((k) => ({ value: k, label: labels[k][lang] }));

  return (
    <Modal
      open
      width={760}
      title={current ? t('rooms.changeTitle', { revision: current.revision + 1 }) : t('rooms.new')}
      okText={t('rooms.submit')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={write.isPending}
      okButtonProps={{ 'data-testid': 'room-submit' }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="room-error" /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="customerId" label={t('rooms.field.customer')} required>
          <CustomerSearchSelect initial={current ? { id: current.customerId, name: current.customerName, mobile: null, masked: true } : null} />
        </Form.Item>
        <Form.Item name="guestIdentity" label={GUEST_LABELS.guestIdentity[lang]} required>
          <Radio.Group options={ticks(GUEST_IDENTITIES, GUEST_IDENTITY_LABELS)} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="guestName" label={t('rooms.col.guest')} required style={{ flex: 1 }}>
            <Input maxLength={50} data-testid="room-guest" />
          </Form.Item>
          <Form.Item name="contact" label={GUEST_LABELS.contact[lang]} required style={{ flex: 1 }}>
            <Input maxLength={30} data-testid="room-contact" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="company" label={GUEST_LABELS.company[lang]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="arrival" label={GUEST_LABELS.arrival[lang]} required>
            <DatePicker allowClear={false} data-testid="room-arrival" />
          </Form.Item>
          <Form.Item name="departure" label={GUEST_LABELS.departure[lang]} required>
            <DatePicker allowClear={false} data-testid="room-departure" />
          </Form.Item>
          <Form.Item name="roomType" label={GUEST_LABELS.roomType[lang]} required>
            <Input maxLength={50} style={{ width: 160 }} data-testid="room-type" />
          </Form.Item>
          <Form.Item name="persons" label={GUEST_LABELS.persons[lang]} required>
            <InputNumber min={1} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="roomIds" label={t('rooms.field.roomIds')} required>
          <Select mode="multiple" options={rooms.map((r) => ({ value: r.id, label: r.name }))} data-testid="room-rooms" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="priceYuan" label={t('rooms.field.priceYuan')} required>
            <InputNumber min={0} step={0.01} precision={2} style={{ width: 160 }} data-testid="room-price" />
          </Form.Item>
          <Form.Item name="discountPercent" label={t('rooms.field.discount')} required>
            <InputNumber min={1} max={100} data-testid="room-discount" />
          </Form.Item>
          <Form.Item label=" ">
            <Typography.Text strong data-testid="room-rate">
              {rateFen === null ? '' : t('rooms.field.rate', { amount: yuanText(rateFen) })}
            </Typography.Text>
          </Form.Item>
        </Space>
        <Form.Item name="extras" label={GUEST_LABELS.extras[lang]}>
          <Checkbox.Group options={ticks(ROOM_EXTRAS, ROOM_EXTRA_LABELS)} />
        </Form.Item>
        <Form.Item name="extrasNote" label={t('rooms.field.extrasNote')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="paymentMethod" label={GUEST_LABELS.payment[lang]} required>
          <Radio.Group options={ticks(ROOM_PAYMENT_METHODS, ROOM_PAYMENT_LABELS)} />
        </Form.Item>
        <Form.Item name="channel" label={GUEST_LABELS.channel[lang]} required>
          <Radio.Group options={ticks(ROOM_CHANNELS, ROOM_CHANNEL_LABELS)} />
        </Form.Item>
        <Form.Item name="remarks" label={GUEST_LABELS.remarks[lang]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="bookedOn" label={GUEST_LABELS.bookedOn[lang]} required>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="receivedBy" label={GUEST_LABELS.receivedBy[lang]} required>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="confirmedBy" label={GUEST_LABELS.confirmedBy[lang]} required={!!current}>
            <Input maxLength={50} data-testid="room-confirmed-by" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The paper form's own labels (附件一), the same words the printed form uses. */
export const GUEST_LABELS = {
  contact: { 'zh-CN': '联系方式', en: 'Contact' },
  company: { 'zh-CN': '公司名称', en: 'Company' },
  arrival: { 'zh-CN': '到达时间', en: 'Arrival' },
  departure: { 'zh-CN': '离开时间', en: 'Departure' },
  roomType: { 'zh-CN': '房间种类', en: 'Room type' },
  persons: { 'zh-CN': '人数', en: 'Persons' },
  extras: { 'zh-CN': '其他预订备注', en: 'Other arrangements' },
  payment: { 'zh-CN': '付款方式', en: 'Payment' },
  channel: { 'zh-CN': '预约方式', en: 'Booked' },
  remarks: { 'zh-CN': '备注', en: 'Remarks' },
  bookedOn: { 'zh-CN': '预定日期', en: 'Booking date' },
  receivedBy: { 'zh-CN': '预订接收人', en: 'Received by' },
  enteredBy: { 'zh-CN': '电脑输入人', en: 'Entered by' },
  confirmedBy: { 'zh-CN': '确认人', en: 'Confirmed by' },
  guestIdentity: { 'zh-CN': '宾客身份', en: 'Guest' },
  rooms: { 'zh-CN': '房间数量', en: 'Rooms' },
  price: { 'zh-CN': '价目', en: 'List price' },
  discount: { 'zh-CN': '折扣', en: 'Discount' },
  rate: { 'zh-CN': '房价', en: 'Rate' },
} as const;
