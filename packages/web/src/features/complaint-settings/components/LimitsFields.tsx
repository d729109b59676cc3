import { CalendarOutlined } from '@ant-design/icons';
import { Form, InputNumber, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';

/**
 * The limits a case gets when no rule matches (seed 003 附件三 #4: respond within 2 hours, resolve within
 * 3 working days), and what "working" means: the business calendar, which only some may change.
 */
export function LimitsFields() {
  const t = useT();
  const { can } = useSession();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('complaintSettings.defaults')}
      </Typography.Title>
      <Space wrap size={24} align="start">
        <Form.Item name={['defaults', 'responseHours']} label={t('complaintSettings.responseHours')}>
          <InputNumber suffix={t('complaintSettings.workingHours')} style={{ width: 170 }} data-testid="defaults-hours" />
        </Form.Item>
        <Form.Item name={['defaults', 'resolveDays']} label={t('complaintSettings.resolveDays')}>
          <InputNumber suffix={t('complaintSettings.workingDays')} style={{ width: 150 }} data-testid="defaults-days" />
        </Form.Item>
      </Space>
      <Typography.Paragraph type="secondary">{t('complaintSettings.limits.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        {can('calendar:manage') ? (
          <Link to="/calendar" data-testid="calendar-link">
            <CalendarOutlined /> {t('complaintSettings.calendarLink')}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('complaintSettings.calendarNoAccess')}</Typography.Text>
        )}
      </Typography.Paragraph>
    </>
  );
}
