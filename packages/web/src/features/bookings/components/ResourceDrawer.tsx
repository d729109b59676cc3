import { RESOURCE_KIND_LABELS, RESOURCE_KINDS, resourceCreateSchema, resourceUpdateSchema, type Resource } from '@kefu/shared/booking';
import { Alert, Button, Drawer, Form, Input, InputNumber, Select, Switch, message } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT, type Translate } from '../../../app/i18n/use-t';
import type { FieldError } from '../../../lib/api-error';
import { errorText, isApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, zodFieldErrors } from '../../../lib/form-errors';
import { useResourceMutations } from '../api';
import { WEEK_ORDER, hoursToText, textToHours } from '../hours-form';

type Values = { name: string; kind: Resource['kind']; capacity: number; notes: string; active: boolean } & Record<`day${number}`, string>;

/** `openingHours.3.0.from` belongs to the Wednesday box; other paths to their own field. */
const fieldOf = (path: string) => {
  const [head, day] = path.split('.');
  return head === 'openingHours' && day !== undefined ? `day${day}` : (head ?? '');
};

function dayFields(t: Translate) {
  return WEEK_ORDER.map((d) => (
    <Form.Item key={d} name={`day${d}`} label={t(`resources.day.${d}` as 'resources.day.0')} style={{ marginBottom: 8 }}>
      <Input placeholder="09:00-21:00" data-testid={`field-day${d}`} />
    </Form.Item>
  ));
}

/** New resource, or a change to one (name, hours, notes, in use); the capacity is fixed once created (decision 011). */
export function ResourceDrawer({ resource, onClose }: { resource: Resource | null; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const { create, update } = useResourceMutations();
  const [error, setError] = useState<string | null>(null);
  const days = hoursToText(resource?.openingHours ?? Array.from({ length: 7 }, () => [{ from: '09:00', to: '21:00' }]));
  const initial = {
    name: resource?.name ?? '',
    kind: resource?.kind ?? 'coach',
    capacity: resource?.capacity ?? 1,
    notes: resource?.notes ?? '',
    active: resource?.active ?? true,
    ...Object.fromEntries(days.map((v, d) => [`day${d}`, v])),
  };

  const show = (errors: FieldError[]) => {
    const names = new Set(['name', 'kind', 'capacity', 'notes', ...WEEK_ORDER.map((d) => `day${d}`)]);
    const byField = new Map<string, string[]>();
    const others: string[] = [];
    for (const e of errors) {
      const f = fieldOf(e.path);
      if (names.has(f)) byField.set(f, [...(byField.get(f) ?? []), e.message]);
      else others.push(e.message);
    }
    form.setFields([...byField].map(([name, errs]) => ({ name, errors: [...new Set(errs)] })) as never);
    setError(others.length ? others.join('；') : null);
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const openingHours = textToHours([0, 1, 2, 3, 4, 5, 6].map((d) => v[`day${d}`] ?? ''));
    const parsed = resource
      ? resourceUpdateSchema.safeParse({ name: v.name, openingHours, notes: v.notes, active: v.active, version: resource.version })
      : resourceCreateSchema.safeParse({ name: v.name, kind: v.kind, capacity: v.capacity, openingHours, notes: v.notes });
    if (!parsed.success) return show(zodFieldErrors(parsed.error, lang));
    setError(null);
    try {
      if (resource) await update.mutateAsync({ id: resource.id, body: resourceUpdateSchema.parse(parsed.data) });
      else await create.mutateAsync(resourceCreateSchema.parse(parsed.data));
      void message.success(t('resources.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.fieldErrors.length) show(err.fieldErrors);
      else setError(errorText(err));
    }
  };

  return (
    <Drawer
      open
      size="large"
      title={resource ? resource.name : t('resources.new')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={create.isPending || update.isPending} onClick={() => void submit()} data-testid="resource-save">
          {t('common.save')}
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="name" label={t('resources.col.name')} required>
          <Input maxLength={50} data-testid="field-resource-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('resources.col.kind')}>
          <Select disabled={!!resource} options={RESOURCE_KINDS.map((k) => ({ value: k, label: RESOURCE_KIND_LABELS[k][lang] }))} />
        </Form.Item>
        <Form.Item name="capacity" label={t('resources.col.capacity')} extra={t('resources.help')}>
          <InputNumber min={1} max={500} disabled={!!resource} data-testid="field-capacity" />
        </Form.Item>
        <Form.Item label={t('resources.col.hours')} extra={t('resources.field.hours.help')} style={{ marginBottom: 8 }} />
        {dayFields(t)}
        <Form.Item name="notes" label={t('resources.field.notes')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {resource ? (
          <Form.Item name="active" label={t('resources.field.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
