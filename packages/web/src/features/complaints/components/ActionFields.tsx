import { SATISFACTIONS } from '@kefu/shared/complaint';
import type { ComplaintAction } from '@kefu/shared/complaint-workflow';
import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { TextKey } from '../../../app/i18n/catalog';
import { useT } from '../../../app/i18n/use-t';
import { StaffSelect } from '../../customers/components/StaffSelect';
import { fenToYuan } from '../money';
import { useComplaintLabels } from '../labels';
import { DepartmentSelect } from './DepartmentSelect';

/** deadlines and callbacks are ahead of us */
const past = (d: Dayjs) => d.isBefore(dayjs(), 'day');
const Time = ({ testId }: { testId: string }) => (
  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" disabledDate={past} style={{ width: '100%' }} data-testid={testId} />
);

/** The few fields each action needs (附件二: investigator and findings, proposal and responsible person…). */
export function ActionFields({ action, approvalThresholdFen }: { action: ComplaintAction; approvalThresholdFen: number | null }) {
  const t = useT();
  const labels = useComplaintLabels();
  const label = (key: string) => t(`complaintAction.${key}` as TextKey);
  const text = (name: string, rows: number, max: number, required: boolean) => (
    <Form.Item name={name} label={label(name)} required={required}>
      <Input.TextArea rows={rows} maxLength={max} showCount data-testid={`action-${name}`} />
    </Form.Item>
  );
  const person = (name: string) => (
    <Form.Item name={name} label={label(name)} required>
      <StaffSelect testId={`action-${name}`} />
    </Form.Item>
  );
  const satisfaction = (name: string) => (
    <Form.Item name={name} label={label(name)} required>
      <Radio.Group options={SATISFACTIONS.map((s) => ({ value: s, label: labels.satisfaction(s) }))} data-testid={`action-${name}`} />
    </Form.Item>
  );

  switch (action) {
    case 'acknowledge':
      return text('note', 2, 1000, false);
    case 'verify':
      return (
        <>
          {person('investigatorId')}
          {text('findings', 5, 4000, true)}
        </>
      );
    case 'propose':
      return (
        <>
          {text('proposal', 4, 4000, true)}
          {person('responsibleId')}
          <Form.Item
            name="compensationYuan"
            label={label('compensationYuan')}
            extra={approvalThresholdFen !== null ? t('complaintAction.compensation.help', { yuan: fenToYuan(approvalThresholdFen) }) : undefined}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              stringMode
              addonAfter={t('complaintAction.yuan')}
              style={{ width: 220 }}
              data-testid="action-compensationYuan"
            />
          </Form.Item>
        </>
      );
    case 'approve':
      return text('note', 2, 1000, false);
    case 'reject':
    case 'reopen':
      return text('reason', 3, 1000, true);
    case 'resolve':
      return (
        <>
          {person('handlerId')}
          {text('result', 5, 4000, true)}
        </>
      );
    case 'recordFeedback':
      return <FeedbackFields satisfaction={satisfaction} suggestion={text('suggestion', 3, 2000, false)} />;
    case 'close':
    case 'resume':
      return text('note', 2, action === 'close' ? 1000 : 500, false);
    case 'pause':
      return text('reason', 2, 500, true);
    case 'assign':
      return person('assigneeId');
    case 'transfer':
      return (
        <>
          <Form.Item name="departmentId" label={label('departmentId')} required>
            <DepartmentSelect testId="action-departmentId" />
          </Form.Item>
          {text('request', 4, 2000, true)}
          <Form.Item name="dueAt" label={label('transferDueAt')} required extra={t('complaintAction.transferDueAt.help')}>
            <Time testId="action-dueAt" />
          </Form.Item>
        </>
      );
    case 'promise':
      return (
        <>
          <Form.Item name="what" label={label('what')} required extra={t('complaintAction.what.help')}>
            <Input maxLength={500} data-testid="action-what" />
          </Form.Item>
          <Form.Item name="dueAt" label={label('promiseDueAt')} required>
            <Time testId="action-dueAt" />
          </Form.Item>
        </>
      );
  }
}

/** Two 满意/基本满意/不满意 choices and the suggestion; an unsatisfied customer needs a promised callback time. */
function FeedbackFields({ satisfaction, suggestion }: { satisfaction: (name: string) => ReactNode; suggestion: ReactNode }) {
  const t = useT();
  const result = Form.useWatch<string>('satisfactionResult');
  const speed = Form.useWatch<string>('satisfactionSpeed');
  const unsatisfied = result === 'unsatisfied' || speed === 'unsatisfied';
  return (
    <>
      {satisfaction('satisfactionResult')}
      {satisfaction('satisfactionSpeed')}
      {suggestion}
      {unsatisfied ? (
        <Form.Item name="callbackAt" label={t('complaintAction.callbackAt')} required extra={t('complaintAction.callbackAt.help')}>
          <Time testId="action-callbackAt" />
        </Form.Item>
      ) : null}
    </>
  );
}
