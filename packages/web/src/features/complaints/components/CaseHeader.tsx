import type { Complaint } from '@kefu/shared/complaint';
import { Card, Divider, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import type { ApiError } from '../../../lib/api-error';
import { useComplaintLabels } from '../labels';
import { CaseActions } from './CaseActions';
import { SeverityTags, StateTag } from './ComplaintTags';
import { WorkflowSteps } from './WorkflowSteps';

/** The number big enough to read out on the phone, the state, who has it, what may be done now, and the workflow. */
export function CaseHeader({ complaint: c, onConflict }: { complaint: Complaint; onConflict: (err: ApiError) => void }) {
  const t = useT();
  const labels = useComplaintLabels();
  return (
    <Card variant="borderless" style={{ marginBottom: 16 }}>
      <div className="page-header" style={{ marginBottom: 0, alignItems: 'flex-start' }}>
        <Space orientation="vertical" size={6}>
          <Space size={12} wrap align="center">
            <Typography.Title level={2} copyable style={{ margin: 0, letterSpacing: 1, fontVariantNumeric: 'tabular-nums' }} data-testid="complaint-number">
              {c.number}
            </Typography.Title>
            <StateTag state={c.state} />
            <SeverityTags severity={c.severity} major={c.major} />
          </Space>
          <Space size={16} wrap style={{ color: '#595959' }}>
            <span>
              {t('complaints.col.complainant')}
              {t('complaints.colon')}
              {c.complainantName}
              {c.customer ? (
                <>
                  {' '}
                  <Link to={`/customers/${c.customer.id}`} data-testid="case-customer-link">
                    {t('complaints.paren', {
                      text:
                        c.customer.name === c.complainantName
                          ? t('complaintCase.customerFileSame')
                          : t('complaintCase.customerFile', { name: c.customer.name }),
                    })}
                  </Link>
                </>
              ) : null}
            </span>
            <span>
              {labels.category(c.category)} · {labels.channel(c.channel)}
            </span>
            <span>
              {t('complaints.col.receivedAt')}
              {t('complaints.colon')}
              {dayjs(c.receivedAt).format('YYYY-MM-DD HH:mm')}
            </span>
            <span>
              {t('complaints.col.assignee')}
              {t('complaints.colon')}
              {c.assignee?.name ?? t('complaints.unassigned')}
            </span>
            {c.reopenCount ? <span>{t('complaintCase.reopened', { n: c.reopenCount })}</span> : null}
          </Space>
        </Space>
        <CaseActions complaint={c} onConflict={onConflict} />
      </div>
      <Divider style={{ margin: '16px 0' }} />
      <WorkflowSteps complaint={c} />
    </Card>
  );
}
