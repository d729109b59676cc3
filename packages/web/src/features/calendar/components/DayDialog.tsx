import { CALENDAR_DAY_KINDS, calendarDayBody, type CalendarDayKind } from '@kefu/shared/calendar/schemas';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useRevertCalendarDay, useSetCalendarDay } from '../api';
import type { DayCell, DayLook } from '../month-days';

interface Values {
  kind: CalendarDayKind;
  name: string;
}
const FIELDS = ['kind', 'name'];

/** Sets one day: a holiday, an adjusted workday (调休), or a normal day that cancels a shipped one. */
export function DayDialog({ cell, look, onClose }: { cell: DayCell; look: DayLook; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const setDay = useSetCalendarDay();
  const revert = useRevertCalendarDay();
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const entry = look.entry;
  // a plain day off is most likely being made a 调休 workday; a plain working day, a holiday
  const initial: Values = { kind: entry?.kind ?? (look.look === 'off' ? 'workday' : 'holiday'), name: entry?.name ?? '' };

  const submit = (values: Values) => {
    const body = parseForForm(form, calendarDayBody, { ...values, date: cell.date }, lang, FIELDS);
    if (!body) return;
    setDay.mutate(body, {
      onSuccess: () => {
        void message.success(t('calendar.day.saved', { date: cell.date }));
        onClose();
      },
      onError: (err) => setGeneral(showServerErrors(form, err, FIELDS)),
    });
  };

  const undo = () =>
    revert.mutate(cell.date, {
      onSuccess: () => {
        void message.success(t('calendar.day.saved', { date: cell.date }));
        onClose();
      },
      onError: (err) => setGeneral(showServerErrors(form, err, FIELDS)),
    });

  const shipped = entry?.source === 'manual' ? entry.shipped : entry?.source === 'shipped' ? { kind: entry.kind, name: entry.name } : null;
  return (
    <Modal
      open
      title={t('calendar.day.title', { date: cell.date })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={setDay.isPending} onClick={() => form.submit()} data-testid="day-save">
          {t('common.save')}
        </Button>,
      ]}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))}
      >
        <Form.Item name="kind" label={t('calendar.day.kind')}>
          <Radio.Group>
            <Space direction="vertical">
              {CALENDAR_DAY_KINDS.map((k) => (
                <Radio key={k} value={k} data-testid={`day-kind-${k}`}>
                  {t(`calendar.day.kind.${k}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {kind !== 'normal' ? (
          <Form.Item name="name" label={t('calendar.day.name')}>
            <Input maxLength={20} placeholder={t('calendar.day.name.placeholder')} data-testid="day-name" />
          </Form.Item>
        ) : null}
      </Form>
      {shipped ? (
        <Typography.Paragraph type="secondary">
          {t('calendar.day.shipped', { kind: t(shipped.kind === 'holiday' ? 'calendar.legend.holiday' : 'calendar.legend.workday'), name: shipped.name })}
        </Typography.Paragraph>
      ) : null}
      {entry?.source === 'manual' ? (
        <Space wrap>
          <Typography.Text type="secondary">
            {t('calendar.day.changedBy', { name: entry.updatedBy ?? '—', at: entry.updatedAt ? new Date(entry.updatedAt).toLocaleString(lang) : '' })}
          </Typography.Text>
          <Button size="small" onClick={undo} loading={revert.isPending} data-testid="day-revert">
            {t('calendar.day.revert')}
          </Button>
        </Space>
      ) : null}
    </Modal>
  );
}
