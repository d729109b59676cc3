import { zonedDate, zonedInstant } from '@kefu/shared/calendar/zoned';
import type { SuggestedSlot } from '@kefu/shared/booking';
import { GROUPING_MODE_LABELS, GROUPING_MODES, groupBookingCreateSchema, type GroupBooking } from '@kefu/shared/group-booking';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { showServerErrors } from '../../../lib/schema-form';
import { useSession } from '../../auth/session';
import { suggestionsOf, useResources } from '../../bookings/api';
import { SuggestedSlots } from '../../bookings/components/SuggestedSlots';
import { useIdempotencyKey } from '../../bookings/idempotency';
import { CustomerSearchSelect } from '../../complaints/components/CustomerSearchSelect';
import { useCreateGroup } from '../api';

// fields with a place on the form; the rest (time order, resources) are shown above it
const FIELDS = ['name', 'organiserId', 'contactName', 'contactPhone', 'size', 'groupingMode', 'notes'] as const;

interface Values {
  name: string;
  organiserId: string;
  contactName: string;
  contactPhone: string;
  size: number;
  date: Dayjs;
  from: Dayjs;
  to: Dayjs;
  resources: { resourceId: string; places: number }[];
  groupingMode: 'self' | 'venue';
  notes: string;
  leadOverride: boolean;
}

const minutes = (d: Dayjs) => d.hour() * 60 + d.minute();

/** 接受团体预约: organiser, contact, size, the day and its hours, the resources it takes with their places. */
export function GroupFormDialog({ timeZone, onClose, onBooked }: { timeZone: string; onClose: () => void; onBooked: (g: GroupBooking) => void }) {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const [form] = Form.useForm<Values>();
  const resources = useResources();
  const create = useCreateGroup();
  const keyFor = useIdempotencyKey();
  const [error, setError] = useState<string | null>(null);
  const [suggestions, setSuggestions] = useState<SuggestedSlot[] | null>(null);

  const submit = async () => {
    const v = form.getFieldsValue();
    const day = v.date ? v.date.format('YYYY-MM-DD') : '';
    const at = (d: Dayjs | undefined) => (day && d ? new Date(zonedInstant(day, minutes(d), timeZone)).toISOString() : '');
    const values = {
      name: v.name,
      organiserId: v.organiserId,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      size: v.size,
      startsAt: at(v.from),
      endsAt: at(v.to),
      resources: (v.resources ?? []).filter((r) => r?.resourceId),
      groupingMode: v.groupingMode,
      notes: v.notes ?? '',
      leadOverride: !!v.leadOverride,
    };
    const parsed = groupBookingCreateSchema.safeParse(values);
    if (!parsed.success) {
      const mapped = toFormFields<Values>(zodFieldErrors(parsed.error, lang), FIELDS);
      form.setFields(mapped.fields);
      setError(mapped.others.length ? mapped.others.join('；') : null);
      return;
    }
    const body = parsed.data;
    setError(null);
    setSuggestions(null);
    try {
      onBooked(await create.mutateAsync({ body, idempotencyKey: keyFor(body) }));
    } catch (err) {
      const offered = suggestionsOf(err);
      if (offered) setSuggestions(offered);
      setError(showServerErrors(form, err, FIELDS));
    }
  };
  const pick = (s: SuggestedSlot) => {
    const local = (iso: string) => {
      const d = new Date(iso);
      const day = zonedDate(d, timeZone);
      const mins = Math.round((d.getTime() - zonedInstant(day, 0, timeZone)) / 60_000);
      return {
        day,
        time: dayjs(day)
          .hour(Math.floor(mins / 60))
          .minute(mins % 60),
      };
    };
    const from = local(s.startsAt);
    form.setFieldsValue({ date: dayjs(from.day), from: from.time, to: local(s.endsAt).time });
    setSuggestions(null);
    setError(null);
  };

  return (
    <Modal
      open
      width={720}
      title={t('groups.new')}
      okText={t('groups.submit')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'group-submit' }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="group-error" /> : null}
      {suggestions ? <SuggestedSlots slots={suggestions} timeZone={timeZone} onPick={pick} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          size: 8,
          groupingMode: 'venue',
          resources: [{ places: 1 }],
          from: dayjs('2000-01-01T09:00'),
          to: dayjs('2000-01-01T12:00'),
          notes: '',
        }}
        onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}
      >
        <Space.Compact block>
          <Form.Item name="name" label={t('groups.field.name')} required style={{ flex: 2 }}>
            <Input maxLength={100} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="size" label={t('groups.field.size')} required style={{ flex: 1 }}>
            <InputNumber min={2} max={500} style={{ width: '100%' }} data-testid="group-size" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="organiserId" label={t('groups.field.organiser')} required>
          <CustomerSearchSelect initial={null} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="contactName" label={t('groups.field.contactName')} required style={{ flex: 1 }}>
            <Input maxLength={50} data-testid="group-contact" />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('groups.field.contactPhone')} required style={{ flex: 1 }}>
            <Input maxLength={30} data-testid="group-phone" />
          </Form.Item>
        </Space.Compact>
        <Space wrap align="start">
          <Form.Item name="date" label={t('groups.field.date')} required>
            <DatePicker allowClear={false} data-testid="group-date" />
          </Form.Item>
          <Form.Item name="from" label={t('groups.field.from')} required>
            <TimePicker format="HH:mm" minuteStep={15} allowClear={false} data-testid="group-from" />
          </Form.Item>
          <Form.Item name="to" label={t('groups.field.to')} required>
            <TimePicker format="HH:mm" minuteStep={15} allowClear={false} data-testid="group-to" />
          </Form.Item>
        </Space>
        <Form.Item label={t('groups.field.resources')} required style={{ marginBottom: 0 }} />
        <Form.List name="resources">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'resourceId']} style={{ minWidth: 260 }}>
                    <Select
                      options={(resources.data?.items ?? [])
                        .filter((r) => r.kind !== 'named_room')
                        .map((r) => ({ value: r.id, label: `${r.name}（${r.capacity}）` }))}
                      data-testid={`group-resource-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'places']} label={t('groups.field.places')}>
                    <InputNumber min={1} max={500} data-testid={`group-places-${i}`} />
                  </Form.Item>
                  {fields.length > 1 ? <Button onClick={() => remove(f.name)}>×</Button> : null}
                </Space>
              ))}
              <Form.Item>
                <Button type="dashed" onClick={() => add({ places: 1 })}>
                  {t('groups.field.addResource')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="groupingMode" label={t('groups.field.groupingMode')}>
          <Radio.Group options={GROUPING_MODES.map((m) => ({ value: m, label: GROUPING_MODE_LABELS[m][lang] }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('groups.field.notes')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {can('booking:approve') ? (
          <Form.Item name="leadOverride" valuePropName="checked">
            <Checkbox data-testid="group-override">{t('groups.field.override')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
