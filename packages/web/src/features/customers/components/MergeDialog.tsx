import type { Customer, CustomerListItem } from '@kefu/shared/customer';
import { Alert, App, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useMerge } from '../api';
import { CustomerPicker } from './CustomerPicker';

/** Merge a duplicate into this customer; its history is kept here. Confirmed, because it cannot be undone. */
export function MergeDialog({ customer, open, onClose }: { customer: Customer; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const merge = useMerge(customer.id);
  const [other, setOther] = useState<CustomerListItem | null>(null);

  const close = () => {
    setOther(null);
    merge.reset();
    onClose();
  };
  const submit = () => {
    if (!other) return;
    merge.mutate(
      { otherId: other.id, version: customer.version },
      {
        onSuccess: () => {
          void message.success(t('customer.merge.done'));
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('customer.merge')}
      okText={t('customer.merge.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: !other }}
      confirmLoading={merge.isPending}
      onOk={submit}
      onCancel={close}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('customer.merge.pick')}</Typography.Text>
        <CustomerPicker value={other} onChange={setOther} exceptId={customer.id} />
        {other ? <Alert type="warning" showIcon title={t('customer.merge.warning', { other: other.name, name: customer.name })} /> : null}
        {merge.error ? <Alert type="error" showIcon title={errorText(merge.error)} /> : null}
      </Space>
    </Modal>
  );
}
