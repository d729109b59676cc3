import type { CustomerListItem } from '@kefu/shared/customer';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useAgents, useCreateTask } from '../api';

/** A task by hand: one customer, the reason in the supervisor's words, due when, for whom (the owner by default). */
export function NewTaskDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const agents = useAgents(open);
  const create = useCreateTask();
  const [customer, setCustomer] = useState<CustomerListItem | null>(null);
  const [reason, setReason] = useState('');
  const [dueAt, setDueAt] = useState<Dayjs | null>(dayjs().add(1, 'day').hour(10).minute(0).second(0));
  const [priority, setPriority] = useState(2);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const submit = () =>
    create.mutate(
      { customerId: customer!.id, reason: reason.trim(), dueAt: dueAt!.toISOString(), priority, assigneeId },
      {
        onSuccess: () => {
          void message.success(t('fu.manage.created'));
          setReason('');
          setCustomer(null);
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Modal
      open={open}
      title={t('fu.manage.newTask')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !customer || !reason.trim() || !dueAt, loading: create.isPending }}
    >
      <Form layout="vertical">
        <Form.Item label={t('fu.manage.customerId')} required>
          <CustomerPicker value={customer} onChange={setCustomer} />
        </Form.Item>
        <Form.Item label={t('fu.manage.reason')} required>
          <Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('fu.manage.dueAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={dueAt} onChange={setDueAt} />
        </Form.Item>
        <Form.Item label={t('fu.col.priority')}>
          <Select value={priority} onChange={setPriority} options={[1, 2, 3].map((p) => ({ value: p, label: t(`fu.priority.${p as 1 | 2 | 3}`) }))} />
        </Form.Item>
        <Form.Item label={t('fu.manage.assignee')}>
          <Select
            allowClear
            value={assigneeId ?? undefined}
            onChange={(v) => setAssigneeId(v ?? null)}
            options={(agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
