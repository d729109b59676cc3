import type { Complaint } from '@kefu/shared/complaint';
import type { ComplaintAction } from '@kefu/shared/complaint-workflow';
import { translate } from '@kefu/shared/messages';
import { Alert, App, Form, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError, type ApiError } from '../../../lib/api-error';
import { clearChangedFieldErrors, toFormFields, zodFieldErrors } from '../../../lib/form-errors';
import { useSession } from '../../auth/session';
import { ACTION_FIELDS, ACTION_SCHEMAS, actionBody, actionDefaults, formPath, type ActionValues } from '../action-forms';
import { useComplaintAction, useComplaintSettings } from '../api';
import { useComplaintLabels } from '../labels';
import { ActionFields } from './ActionFields';

interface Props {
  complaint: Complaint;
  action: ComplaintAction;
  onClose: () => void;
  /** someone moved the case first (409): the page says so and shows the case as it is now */
  onConflict: (err: ApiError) => void;
}

/** One action's small form, checked with the shared schema; errors beside the fields, in the reader's language. */
export function ActionDialog({ complaint, action, onClose, onConflict }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const run = useComplaintAction(complaint.id);
  const settings = useComplaintSettings(action === 'propose');
  const [error, setError] = useState<string | null>(null);
  const fields = ACTION_FIELDS[action];

  const showErrors = (errors: { path: string; message: string }[]) => {
    const mapped = toFormFields<ActionValues>(
      errors.map((e) => ({ ...e, path: formPath(e.path) })),
      fields,
    );
    form.setFields(mapped.fields);
    setError(mapped.others.length ? mapped.others.join('；') : null);
  };

  const submit = () => {
    const body = actionBody(action, form.getFieldsValue(true) as ActionValues, complaint.version);
    const parsed = ACTION_SCHEMAS[action].safeParse(body);
    if (!parsed.success) {
      // a deadline not chosen yet is "required", not "badly formatted"
      const missing = fields.filter((f) => f === 'dueAt' && body[f] === undefined);
      const errors = zodFieldErrors(parsed.error, lang).filter((e) => !missing.includes(e.path));
      return showErrors([...errors, ...missing.map((path) => ({ path, message: translate('v.required', lang) }))]);
    }
    setError(null);
    run.mutate(
      { action, body: parsed.data },
      {
        onSuccess: () => {
          void message.success(t('complaintAction.done', { action: labels.action(action) }));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 409) {
            onClose();
            onConflict(err);
          } else if (isApiError(err) && err.fieldErrors.length) showErrors(err.fieldErrors);
          else setError(errorText(err));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={labels.action(action)}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: action === 'reject', 'data-testid': 'action-submit' } as ButtonProps}
      confirmLoading={run.isPending}
      onOk={submit}
      onCancel={onClose}
      width={action === 'recordFeedback' || action === 'propose' || action === 'verify' || action === 'resolve' ? 640 : 520}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        initialValues={actionDefaults(action, user.id)}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
        onFinish={submit}
        data-testid="action-form"
      >
        <ActionFields action={action} approvalThresholdFen={settings.data?.approvalThresholdFen ?? null} />
      </Form>
    </Modal>
  );
}
