import type { Complaint } from '@kefu/shared/complaint';
import { COMPLAINT_STEPS, type ComplaintAction, type ComplaintStep } from '@kefu/shared/complaint-workflow';
import { Button, Space } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-error';
import { useComplaintLabels } from '../labels';
import { ActionDialog } from './ActionDialog';

/** Only what the server says this reader may do now (`complaint.actions`); the step forward is the primary button. */
export function CaseActions({ complaint, onConflict }: { complaint: Complaint; onConflict: (err: ApiError) => void }) {
  const labels = useComplaintLabels();
  const [open, setOpen] = useState<ComplaintAction | null>(null);
  if (complaint.actions.length === 0) return null;
  const primary = complaint.actions.find((a) => (COMPLAINT_STEPS as readonly string[]).includes(a) && a !== 'reject' && a !== 'reopen') as
    ComplaintStep | undefined;
  return (
    <>
      <Space wrap>
        {complaint.actions.map((a) => (
          <Button key={a} type={a === primary ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setOpen(a)} data-testid={`action-${a}`}>
            {labels.action(a)}
          </Button>
        ))}
      </Space>
      {open ? <ActionDialog key={open} complaint={complaint} action={open} onClose={() => setOpen(null)} onConflict={onConflict} /> : null}
    </>
  );
}
