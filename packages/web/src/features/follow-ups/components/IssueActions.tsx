import type { FollowUpTaskDetail } from '@kefu/shared/follow-up';
import { App, Button, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useDepartmentList, useRaiseIssue } from '../api';

/** An issue found becomes a complaint (转投诉) or a complaint transferred to a department (转部门), in one click. */
export function IssueActions({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const raise = useRaiseIssue(detail.task.id);
  const version = detail.record?.version ?? 0;
  const [open, setOpen] = useState(false);
  const [departmentId, setDepartmentId] = useState<string>();
  const [dueAt, setDueAt] = useState<Dayjs | null>(dayjs().add(1, 'day').hour(18).minute(0).second(0));
  const departments = useDepartmentList(open);
  const done = (r: { number: string }) => {
    setOpen(false);
    void message.success(t('fu.record.complaintMade', { number: r.number }));
  };
  const fail = (e: unknown) => void message.error(errorText(e));
  return (
    <>
      {detail.abilities.complaint ? (
        <Button
          danger
          loading={raise.isPending && !open}
          onClick={() => raise.mutate({ kind: 'complaint', version }, { onSuccess: done, onError: fail })}
          data-testid="issue-complaint"
        >
          {t('fu.record.toComplaint')}
        </Button>
      ) : null}
      {detail.abilities.transfer ? (
        <Button onClick={() => setOpen(true)} data-testid="issue-transfer">
          {t('fu.record.toDepartment')}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={t('fu.record.toDepartment')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: !departmentId || !dueAt, loading: raise.isPending }}
        onOk={() => raise.mutate({ kind: 'transfer', version, departmentId, dueAt: dueAt?.toISOString() }, { onSuccess: done, onError: fail })}
      >
        <Form layout="vertical">
          <Form.Item label={t('fu.record.department')} required>
            <Select
              value={departmentId}
              onChange={setDepartmentId}
              loading={departments.isPending}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item label={t('fu.record.answerBy')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={dueAt} onChange={setDueAt} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
