import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  DEFAULT_COMPLAINT_SETTINGS,
  slaLimitsFor,
  slaRuleIndex,
  type ComplaintCategory,
  type ComplaintSettings,
  type ComplaintSeverity,
} from '@kefu/shared/complaint';
import { Descriptions, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { useComplaintLabels } from '../../complaints/labels';
import { ruleInput, type RuleValues, type SettingsFormValues } from '../settings-form';

/**
 * "A 收费/退费 complaint of 一般 severity: which limits?" answered from the rules as they are filled in,
 * saved or not, by the same pure function the server registers cases with.
 */
export function RulePreview() {
  const t = useT();
  const labels = useComplaintLabels();
  const form = Form.useFormInstance<SettingsFormValues>();
  const rules: RuleValues[] = Form.useWatch('rules', form) ?? [];
  const defaults = Form.useWatch('defaults', form);
  const [category, setCategory] = useState<ComplaintCategory>('billing_refund');
  const [severity, setSeverity] = useState<ComplaintSeverity>('normal');

  // blanks being typed stay blank (null) here and are shown as such; only rules and defaults are read
  const settings = {
    ...DEFAULT_COMPLAINT_SETTINGS,
    defaults: { responseHours: defaults?.responseHours ?? null, resolveDays: defaults?.resolveDays ?? null },
    rules: rules.map(ruleInput),
  } as unknown as ComplaintSettings;
  const limits = slaLimitsFor(settings, category, severity);
  const index = slaRuleIndex(settings, category, severity);
  const blank = <Typography.Text type="secondary">{t('complaintSettings.preview.blank')}</Typography.Text>;

  return (
    <>
      <Typography.Paragraph type="secondary">{t('complaintSettings.preview.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<ComplaintCategory>
          value={category}
          onChange={setCategory}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          style={{ width: 170 }}
          aria-label={t('complaintSettings.rule.category')}
          data-testid="preview-category"
        />
        <Select<ComplaintSeverity>
          value={severity}
          onChange={setSeverity}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
          style={{ width: 110 }}
          aria-label={t('complaintSettings.rule.severity')}
          data-testid="preview-severity"
        />
      </Space>
      <Descriptions column={1} size="small" bordered data-testid="preview-result">
        <Descriptions.Item label={t('complaintSettings.preview.response')}>
          {limits.responseHours === null ? blank : t('complaintSettings.preview.hours', { n: limits.responseHours })}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaintSettings.preview.resolve')}>
          {limits.resolveDays === null ? blank : t('complaintSettings.preview.days', { n: limits.resolveDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaintSettings.preview.basis')}>
          {index === -1 ? t('complaintSettings.preview.defaults') : t('complaintSettings.preview.rule', { n: index + 1 })}
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
