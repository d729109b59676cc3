import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { useT, type Translate } from '../../../app/i18n/use-t';
import { sortedFollowUps, type SettingsFormValues } from '../settings-form';

/** seed 001 客诉专员 职责三 3: a follow-up right away and another a month later; the settings allow five. */
const MAX_FOLLOW_UPS = 5;

/** The approval threshold in 元, the at-risk share in %, the reopen window and the follow-ups after closing. */
export function PolicyFields() {
  const t = useT();
  const { lang } = useLang();
  const form = Form.useFormInstance<SettingsFormValues>();
  const yuan = Form.useWatch('approvalThresholdYuan', form);
  const followUps = Form.useWatch('followUpDays', form);

  const amount = typeof yuan === 'number' ? yuan.toLocaleString(lang, { maximumFractionDigits: 2 }) : null;
  const approvalHelp = yuan === 0 ? t('complaintSettings.approval.helpZero') : amount ? t('complaintSettings.approval.help', { yuan: amount }) : null;

  return (
    <>
      <Form.Item name="approvalThresholdYuan" label={t('complaintSettings.approval')} extra={approvalHelp}>
        <InputNumber step={100} suffix={t('complaintSettings.yuan')} style={{ width: 200 }} data-testid="approval-threshold" />
      </Form.Item>
      <Form.Item name="atRiskPercent" label={t('complaintSettings.atRisk')} extra={t('complaintSettings.atRisk.help')}>
        <InputNumber step={5} suffix="%" style={{ width: 140 }} data-testid="at-risk" />
      </Form.Item>
      <Form.Item name="reopenDays" label={t('complaintSettings.reopen')} extra={t('complaintSettings.reopen.help')}>
        <InputNumber suffix={t('complaintSettings.days')} style={{ width: 140 }} data-testid="reopen-days" />
      </Form.Item>
      <Form.Item label={t('complaintSettings.followUps')} extra={t('complaintSettings.followUps.help')} style={{ marginBottom: 0 }}>
        <Typography.Paragraph data-testid="follow-ups-summary">{followUpSummary(t, followUps)}</Typography.Paragraph>
        <Form.List name="followUpDays">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="start">
                  <Form.Item name={f.name} style={{ marginBottom: 8 }}>
                    <InputNumber
                      prefix={t('complaintSettings.followUp.after')}
                      suffix={t('complaintSettings.days')}
                      style={{ width: 180 }}
                      data-testid={`follow-up-${i}`}
                      aria-label={`${t('complaintSettings.followUps')} ${i + 1}`}
                    />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('complaintSettings.followUp.remove')} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_FOLLOW_UPS}
                onClick={() => add(null)}
                style={{ display: 'block', marginBottom: 8 }}
                data-testid="follow-up-add"
              >
                {t('complaintSettings.followUp.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}

/** "结案当天、结案后 30 天", in the order they will happen. */
function followUpSummary(t: Translate, days: (number | null)[] | undefined): string {
  const list = sortedFollowUps(days).filter((d): d is number => typeof d === 'number' && d >= 0);
  if (!list.length) return t('complaintSettings.followUps.none');
  const words = list.map((d) => (d === 0 ? t('complaintSettings.followUp.sameDay') : t('complaintSettings.followUp.nDays', { n: d })));
  return t('complaintSettings.followUps.summary', { list: words.join(t('complaintSettings.listSeparator')) });
}
