import type { Customer } from '@kefu/shared/customer';
import { LIFECYCLE_TRANSITIONS, type LifecycleAction } from '@kefu/shared/customer-lifecycle';
import { App, Button, Dropdown, Input, Modal } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useLifecycleAction } from '../api';
import { useCustomerLabels } from '../labels';

/** The lifecycle moves the server allows this reader now (abilities.lifecycle), each confirmed with an optional reason. */
export function LifecycleActions({ customer }: { customer: Customer }) {
  const t = useT();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const change = useLifecycleAction(customer.id);
  const [action, setAction] = useState<LifecycleAction | null>(null);
  const [reason, setReason] = useState('');
  const actions = customer.abilities.lifecycle;
  if (actions.length === 0) return null;

  const submit = () => {
    if (!action) return;
    change.mutate(
      { action, version: customer.version, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          void message.success(t('customer.lifecycle.done', { state: labels.lifecycle(LIFECYCLE_TRANSITIONS[action].to) }));
          setAction(null);
          setReason('');
        },
        onError: (err) => void message.error(errorText(err)),
      },
    );
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((a) => ({ key: a, label: labels.action(a), danger: a === 'close', 'data-testid': `lifecycle-${a}` })),
          onClick: ({ key }) => setAction(key as LifecycleAction),
        }}
      >
        <Button data-testid="lifecycle-button">
          {t('customers.col.lifecycle')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={action !== null}
        title={action ? t('customer.lifecycle.confirm', { action: labels.action(action) }) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: action === 'close' }}
        confirmLoading={change.isPending}
        onOk={submit}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('customer.lifecycle.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="lifecycle-reason"
        />
      </Modal>
    </>
  );
}
