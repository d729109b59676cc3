import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, MAX_LOGGED_LATE_DAYS } from '@kefu/shared/complaint';
import { Checkbox, Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { StaffSelect } from '../../customers/components/StaffSelect';
import { useComplaintLabels } from '../labels';
import { CustomerSearchSelect, type PickedCustomer } from './CustomerSearchSelect';
import { DepartmentSelect } from './DepartmentSelect';

const half = { xs: 24, md: 12 };
const third = { xs: 24, md: 8 };

interface Props {
  initialCustomer: PickedCustomer | null;
  onPickCustomer: (c: PickedCustomer | null) => void;
  phoneExtra?: ReactNode;
}

/** The top half of 附件二, in the order a call goes: who, what, how bad, who takes it. */
export function RegisterFormFields({ initialCustomer, onPickCustomer, phoneExtra }: Props) {
  const t = useT();
  const labels = useComplaintLabels();
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="receivedAt" label={t('complaintForm.receivedAt')} extra={t('complaintForm.receivedAt.help')} required>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(MAX_LOGGED_LATE_DAYS, 'day'), 'day')}
            style={{ width: '100%' }}
            data-testid="field-receivedAt"
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="channel" label={t('complaintForm.channel')} required>
          <Radio.Group optionType="button" options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))} data-testid="field-channel" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="customerId" label={t('complaintForm.customer')} extra={t('complaintForm.customer.help')}>
          <CustomerSearchSelect initial={initialCustomer} onPick={onPickCustomer} placeholder={t('complaintForm.customer.placeholder')} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="complainantName" label={t('complaintForm.complainantName')} required>
          <Input maxLength={50} data-testid="field-complainantName" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="complainantPhone" label={t('complaintForm.complainantPhone')} extra={phoneExtra}>
          <Input maxLength={20} inputMode="tel" data-testid="field-complainantPhone" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="content" label={t('complaintForm.content')} required>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('complaintForm.content.placeholder')} data-testid="field-content" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="category" label={t('complaintForm.category')} required>
          <Radio.Group optionType="button" options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))} data-testid="field-category" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="severity" label={t('complaintForm.severity')} required>
          <Radio.Group optionType="button" options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))} data-testid="field-severity" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="major" label={t('complaintForm.major')} valuePropName="checked">
          <Checkbox data-testid="field-major">{t('complaintForm.major.help')}</Checkbox>
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="departmentId" label={t('complaintForm.department')}>
          <DepartmentSelect placeholder={t('complaintForm.department.placeholder')} testId="field-department" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="receiverId" label={t('complaintForm.receiver')} extra={t('complaintForm.receiver.help')}>
          <StaffSelect testId="field-receiver" />
        </Form.Item>
      </Col>
      <Col {...third}>
        <Form.Item name="assigneeId" label={t('complaintForm.assignee')} extra={t('complaintForm.assignee.help')}>
          <StaffSelect testId="field-assignee" placeholder={t('complaints.unassigned')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
