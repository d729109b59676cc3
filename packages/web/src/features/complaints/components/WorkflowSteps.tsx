import type { Complaint } from '@kefu/shared/complaint';
import { COMPLAINT_STATES, type ComplaintState } from '@kefu/shared/complaint-workflow';
import { Steps } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../labels';

/** When each state was reached, as far as the case's sections say. */
function reachedAt(c: Complaint, s: ComplaintState): string | null {
  switch (s) {
    case 'registered':
      return c.receivedAt;
    case 'acknowledged':
      return c.acknowledgement?.at ?? null;
    case 'verified':
      return c.verification?.at ?? null;
    case 'proposed':
      return c.proposal?.at ?? null;
    case 'approved':
      return c.approval?.at ?? null;
    case 'resolved':
      return c.resolution?.at ?? null;
    case 'feedback':
      return c.feedback?.at ?? null;
    case 'closed':
      return c.closedAt;
  }
}

/** The workflow of 附件二 as antd Steps; the approval step only when the proposal needs it. */
export function WorkflowSteps({ complaint: c }: { complaint: Complaint }) {
  const t = useT();
  const labels = useComplaintLabels();
  const needsApproval = c.state === 'approved' || !!c.approval || !!c.proposal?.needsApproval;
  const states = COMPLAINT_STATES.filter((s) => s !== 'approved' || needsApproval);
  const current = states.indexOf(c.state);
  const paused = c.sla.status === 'paused';
  return (
    <Steps
      size="small"
      current={current}
      status={c.state === 'closed' ? 'finish' : paused ? 'wait' : 'process'}
      data-testid="workflow-steps"
      items={states.map((s, i) => {
        const at = i <= current ? reachedAt(c, s) : null;
        return {
          title: labels.state(s),
          content: i === current && paused ? t('complaints.sla.paused') : at ? dayjs(at).format('MM-DD HH:mm') : undefined,
        };
      })}
    />
  );
}
