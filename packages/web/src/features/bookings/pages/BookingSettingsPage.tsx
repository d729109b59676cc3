import { bookingExtrasSettingsSchema, mailSettingsSchema, SHEET_COLUMN_LABELS, SHEET_COLUMNS, type BookingExtrasSettings } from '@kefu/shared/booking-extras';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Divider, Form, Input, InputNumber, Modal, Select, Space, Typography, message, type FormInstance } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError, errorText, type FieldError } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useExtrasSettings, useMailStatus, useSettingsMutations, type MailStatus } from '../extras-api';

/** `departments.1.email` is the second department's email box; an error of no box is shown above the form. */
function showErrors<V>(form: FormInstance<V>, errors: FieldError[], boxes: (path: (string | number)[]) => boolean): string | null {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const others: string[] = [];
  for (const e of errors) {
    const name = e.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (boxes(name)) fields.push({ name, errors: [e.message] });
    else others.push(e.message);
  }
  form.setFields(fields as never);
  return others.length ? [...new Set(others)].join('；') : null;
}

const TOP = ['offerHoldHours', 'closureNoticeDays', 'sheetDeadline'];
const DEPT = ['code', 'name', 'email', 'columns'];
const isBox = (name: (string | number)[]) =>
  (name.length === 1 && TOP.includes(String(name[0]))) || (name.length === 3 && name[0] === 'departments' && DEPT.includes(String(name[2])));

/** 预约设置 (resource:manage): the waiting list's hold, the closure notice, the sheet's deadline and departments, and SMTP. */
export function BookingSettingsPage() {
  const t = useT();
  const settings = useExtrasSettings();
  return (
    <>
      <PageHeader title={t('bookingSettings.title')}>
        <Typography.Text type="secondary">{t('bookingSettings.help')}</Typography.Text>
      </PageHeader>
      <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} retryText={t('common.retry')} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {settings.data ? <ExtrasForm initial={settings.data} /> : null}
        <MailCard />
      </Space>
    </>
  );
}

function ExtrasForm({ initial }: { initial: BookingExtrasSettings }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<BookingExtrasSettings>();
  const { extras } = useSettingsMutations();
  const [error, setError] = useState<string | null>(null);
  const columnOptions = SHEET_COLUMNS.map((c) => ({ value: c, label: SHEET_COLUMN_LABELS[c][lang] }));
  // our errors are not antd rules: an edited form drops them (they were about the old values)
  const clearErrors = () => {
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name, errors: [] })) as never,
    );
    setError(null);
  };

  const save = async () => {
    const values = form.getFieldsValue(true) as BookingExtrasSettings;
    const parsed = bookingExtrasSettingsSchema.safeParse({
      ...values,
      departments: (values.departments ?? []).map((d) => ({ ...d, email: (d.email ?? '').trim(), code: (d.code ?? '').trim() })),
    });
    clearErrors();
    if (!parsed.success) return setError(showErrors(form, zodFieldErrors(parsed.error, lang), isBox));
    try {
      const saved = await extras.mutateAsync(parsed.data);
      form.setFieldsValue(saved);
      void message.success(t('bookingSettings.saved'));
    } catch (err) {
      setError(isApiError(err) && err.fieldErrors.length ? showErrors(form, err.fieldErrors, isBox) : errorText(err));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onValuesChange={clearErrors}>
      <Card
        variant="borderless"
        title={t('bookingSettings.general')}
        extra={
          <Button type="primary" onClick={() => void save()} loading={extras.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        }
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="settings-error" /> : null}
        <Space wrap size="large" align="start">
          <Form.Item name="offerHoldHours" label={t('bookingSettings.offerHoldHours')} extra={t('bookingSettings.offerHoldHours.help')}>
            <InputNumber min={0.25} max={72} step={0.5} data-testid="field-offerHoldHours" />
          </Form.Item>
          <Form.Item name="closureNoticeDays" label={t('bookingSettings.closureNoticeDays')} extra={t('bookingSettings.closureNoticeDays.help')}>
            <InputNumber min={0} max={30} precision={0} data-testid="field-closureNoticeDays" />
          </Form.Item>
          <Form.Item name="sheetDeadline" label={t('bookingSettings.sheetDeadline')}>
            <Input placeholder="15:00" style={{ width: 100 }} data-testid="field-sheetDeadline" />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('bookingSettings.departments')}</Divider>
        <Typography.Paragraph type="secondary">{t('bookingSettings.departments.help')}</Typography.Paragraph>
        <Form.List name="departments">
          {(rows, { add, remove }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} align="start" wrap style={{ display: 'flex' }} data-testid={`dept-${row.name}`}>
                  <Form.Item name={[row.name, 'code']} label={t('bookingSettings.dept.code')}>
                    <Input style={{ width: 120 }} disabled={row.name < initial.departments.length} placeholder="front_desk" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'name']} label={t('bookingSettings.dept.name')}>
                    <Input style={{ width: 120 }} maxLength={30} data-testid="dept-name" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'email']} label={t('bookingSettings.dept.email')}>
                    <Input style={{ width: 220 }} placeholder="name@example.com" data-testid="dept-email" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'columns']} label={t('bookingSettings.dept.columns')}>
                    <Select mode="multiple" style={{ width: 360 }} options={columnOptions} data-testid="dept-columns" />
                  </Form.Item>
                  <Form.Item label=" ">
                    <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('bookingSettings.dept.remove')} />
                  </Form.Item>
                </Space>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', name: '', email: '', columns: ['time', 'resource', 'places'] })}
                disabled={rows.length >= 12}
                data-testid="dept-add"
              >
                {t('bookingSettings.dept.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </Form>
  );
}

function mailText(t: ReturnType<typeof useT>, s: MailStatus): string {
  if (s.source === 'env') return t('bookingSettings.mail.env', { host: s.host ?? '', from: s.from });
  if (s.configured) return t('bookingSettings.mail.settings', { host: s.host ?? '', from: s.from });
  return t('bookingSettings.mail.none');
}

/** Whether mail goes out (SMTP_URL wins over the setting); the password is never sent back. */
function MailCard() {
  const t = useT();
  const { lang } = useLang();
  const status = useMailStatus(true);
  const { mail } = useSettingsMutations();
  const [form] = Form.useForm<{ smtpUrl: string; from: string }>();
  const [error, setError] = useState<string | null>(null);
  const s = status.data;
  const confirmOff = () =>
    new Promise<boolean>((resolve) =>
      Modal.confirm({ title: t('bookingSettings.mail.off'), onOk: () => resolve(true), onCancel: () => resolve(false), okButtonProps: { danger: true } }),
    );

  const save = async () => {
    const parsed = mailSettingsSchema.safeParse({ smtpUrl: (form.getFieldValue('smtpUrl') ?? '').trim(), from: (form.getFieldValue('from') ?? '').trim() });
    if (!parsed.success) return setError(showErrors(form, zodFieldErrors(parsed.error, lang), (n) => n.length === 1));
    setError(null);
    // an empty address turns off the server kept in the settings: said before it happens
    if (!parsed.data.smtpUrl && s?.source === 'settings' && !(await confirmOff())) return;
    try {
      await mail.mutateAsync(parsed.data);
      form.setFieldValue('smtpUrl', '');
      void message.success(t('bookingSettings.saved'));
    } catch (err) {
      setError(isApiError(err) && err.fieldErrors.length ? showErrors(form, err.fieldErrors, (n) => n.length === 1) : errorText(err));
    }
  };

  return (
    <Card variant="borderless" title={t('bookingSettings.mail')}>
      <ErrorAlert error={status.error} onRetry={() => void status.refetch()} retryText={t('common.retry')} />
      {s ? <Alert type={s.configured ? 'success' : 'warning'} showIcon title={mailText(t, s)} style={{ marginBottom: 12 }} data-testid="mail-status" /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" style={{ maxWidth: 520 }} initialValues={{ smtpUrl: '', from: s?.from ?? '' }} key={s?.from ?? ''}>
        <Form.Item name="smtpUrl" label={t('bookingSettings.mail.url')} extra={t('bookingSettings.mail.url.help')}>
          <Input.Password autoComplete="off" placeholder="smtps://user:password@smtp.example.com:465" disabled={s?.source === 'env'} />
        </Form.Item>
        <Form.Item name="from" label={t('bookingSettings.mail.from')}>
          <Input placeholder="kefu@example.com" />
        </Form.Item>
        <Button onClick={() => void save()} loading={mail.isPending}>
          {t('bookingSettings.mail.save')}
        </Button>
      </Form>
    </Card>
  );
}
