import { closureCreateSchema, type Resource } from '@kefu/shared/booking';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError, type FieldError } from '../../../lib/api-error';
import { clearChangedFieldErrors, zodFieldErrors } from '../../../lib/form-errors';
import { useResourceMutations } from '../api';

interface Values {
  range?: [Dayjs | null, Dayjs | null];
  reason: string;
}

/** A maintenance closure (场地维护): no booking can be taken in it; the schedule shows it with its reason. */
export function ClosureDialog({ resource, onClose }: { resource: Resource; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<Values>();
  const { addClosure } = useResourceMutations();
  const [error, setError] = useState<string | null>(null);

  // both ends are one picker on the form: their errors are shown beside it
  const show = (errors: FieldError[]) => {
    const range = errors.filter((e) => e.path !== 'reason').map((e) => e.message);
    const reason = errors.filter((e) => e.path === 'reason').map((e) => e.message);
    form.setFields([
      { name: 'range', errors: range },
      { name: 'reason', errors: reason },
    ]);
  };
  const submit = async () => {
    const v = form.getFieldsValue();
    const values = { startsAt: v.range?.[0]?.toISOString() ?? '', endsAt: v.range?.[1]?.toISOString() ?? '', reason: v.reason ?? '' };
    const parsed = closureCreateSchema.safeParse(values);
    if (!parsed.success) return show(zodFieldErrors(parsed.error, lang));
    const body = parsed.data;
    try {
      await addClosure.mutateAsync({ id: resource.id, body });
      onClose();
    } catch (err) {
      if (isApiError(err) && err.fieldErrors.length) show(err.fieldErrors);
      else setError(errorText(err));
    }
  };
  return (
    <Modal open title={`${t('resources.addClosure')} · ${resource.name}`} onOk={() => void submit()} onCancel={onClose} confirmLoading={addClosure.isPending}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onValuesChange={(changed) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="range" label={`${t('resources.closure.start')} – ${t('resources.closure.end')}`} required>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="reason" label={t('resources.closure.reason')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
