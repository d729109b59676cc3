import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useAssign } from '../api';
import { StaffSelect } from './StaffSelect';

/** Give the chosen customers one new owner. */
export function AssignDialog({ customerIds, open, onClose, onDone }: { customerIds: string[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const assign = useAssign();
  const [ownerId, setOwnerId] = useState<string>();

  const submit = () => {
    if (!ownerId) return;
    assign.mutate(
      { customerIds, ownerId },
      {
        onSuccess: (r) => {
          void message.success(t('customers.assign.done', { count: r.assigned }));
          setOwnerId(undefined);
          onDone();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={`${t('customers.assign')} · ${t('customers.selected', { count: customerIds.length })}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !ownerId }}
      confirmLoading={assign.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {assign.error ? <Alert type="error" showIcon title={errorText(assign.error)} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('customers.assign.owner')} required>
          <StaffSelect value={ownerId} onChange={(v) => setOwnerId(v as string | undefined)} testId="assign-owner" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
