import { calendarConfigSchema } from '@kefu/shared/calendar/schemas';
import { Alert, App, Button, Checkbox, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError, errorText } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useCalendarConfig, useSaveCalendarConfig } from '../api';
import { splitErrors, toConfig, toFormValues, type WeekFormValues } from '../week-form';

const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'Asia/Urumqi', 'Asia/Singapore'];
/** Monday first, as a Chinese work schedule is read. */
const DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** Working hours per weekday, the lunch break and the time zone, checked by the same schema as the server. */
export function WorkWeekForm() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const config = useCalendarConfig();
  const save = useSaveCalendarConfig();
  const [form] = Form.useForm<WeekFormValues>();
  const [general, setGeneral] = useState<string[]>([]);
  const week = Form.useWatch('week', form);
  const lunchOn = Form.useWatch('lunchOn', form);
  // antd types nested names by the form's values; ours are built from the same shape
  type FieldData = Parameters<typeof form.setFields>[0];

  if (config.isPending) return <Skeleton active />;
  if (config.isError) return <ErrorAlert error={config.error} />;

  const show = (errors: { path: string; message: string }[]) => {
    const { fields, others } = splitErrors(errors);
    form.setFields(fields as unknown as FieldData);
    setGeneral(others);
  };

  const submit = (values: WeekFormValues) => {
    const parsed = calendarConfigSchema.safeParse(toConfig(values));
    if (!parsed.success) return show(zodFieldErrors(parsed.error, lang));
    setGeneral([]);
    save.mutate(parsed.data, {
      onSuccess: (saved) => {
        form.setFieldsValue(toFormValues(saved));
        void message.success(t('common.saved'));
      },
      onError: (err) => (isApiError(err) && err.fieldErrors.length ? show(err.fieldErrors) : setGeneral([errorText(err)])),
    });
  };

  // a corrected field loses its old error (the errors are ours, not antd rules)
  const clearTouched = (changed: Partial<WeekFormValues>) => {
    const names: (string | number)[][] = [];
    changed.week?.forEach((d, i) => d && Object.keys(d).forEach((k) => names.push(['week', i, k === 'working' ? 'start' : k])));
    if (changed.lunch) Object.keys(changed.lunch).forEach((k) => names.push(['lunch', k]));
    if (changed.lunchOn !== undefined) names.push(['lunch', 'start'], ['lunch', 'end']);
    if (changed.timeZone !== undefined) names.push(['timeZone']);
    form.setFields(names.map((name) => ({ name, errors: [] })) as unknown as FieldData);
  };

  return (
    <Form<WeekFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(config.data)}
      onFinish={submit}
      onValuesChange={clearTouched}
      data-testid="work-week-form"
    >
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 12 }} /> : null}
      {DAYS.map((d) => {
        const working = week?.[d]?.working ?? config.data.week[d] !== null;
        const day = t(`calendar.weekday.${d}`);
        return (
          <TimeRow
            key={d}
            name={['week', d]}
            check="working"
            label={day}
            testId={`weekday-${d}`}
            on={working}
            offText={t('calendar.off')}
            to={t('calendar.to')}
          />
        );
      })}
      <Typography.Paragraph type="secondary">{t('calendar.adjusted.help')}</Typography.Paragraph>
      <TimeRow name={['lunch']} check={null} label={t('calendar.lunch')} testId="lunch-on" on={Boolean(lunchOn)} offText="" to={t('calendar.to')} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {t('calendar.lunch.help')}
      </Typography.Paragraph>
      <Form.Item name="timeZone" label={t('calendar.timeZone')} extra={t('calendar.timeZone.help')}>
        <Select options={TIME_ZONES.map((z) => ({ value: z, label: z }))} style={{ width: 240 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="work-week-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/**
 * One line of the week: a checkbox and the from-to times. The inputs are noStyle items of one outer item,
 * so a time's error shows under the whole line, readable, not squeezed under an input.
 */
function TimeRow(props: { name: (string | number)[]; check: string | null; label: string; testId: string; on: boolean; offText: string; to: string }) {
  const checkName = props.check ? [...props.name, props.check] : ['lunchOn'];
  return (
    <Form.Item style={{ marginBottom: 8 }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <Form.Item noStyle name={checkName} valuePropName="checked">
          <Checkbox data-testid={props.testId} style={{ width: 72 }}>
            {props.label}
          </Checkbox>
        </Form.Item>
        {props.on ? (
          <>
            <Form.Item noStyle name={[...props.name, 'start']}>
              <Input placeholder="09:00" style={{ width: 80 }} aria-label={`${props.label} start`} />
            </Form.Item>
            <span>{props.to}</span>
            <Form.Item noStyle name={[...props.name, 'end']}>
              <Input placeholder="18:00" style={{ width: 80 }} aria-label={`${props.label} end`} />
            </Form.Item>
          </>
        ) : (
          <Typography.Text type="secondary">{props.offText}</Typography.Text>
        )}
      </div>
    </Form.Item>
  );
}
