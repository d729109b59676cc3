import { FESTIVAL_LABELS, FESTIVALS } from '@kefu/shared/festivals';
import { App, Checkbox, Form, InputNumber, Modal, Select, Switch } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSaveFollowUpRule, type FollowUpRule } from '../api';
import { ruleText } from '../labels';

/** The rule's params, one field per param of its defaults (days, tiers, festivals, switches), saved by version. */
export function RuleParamsDialog({ rule, onClose }: { rule: FollowUpRule; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const save = useSaveFollowUpRule();
  const [form] = Form.useForm<Record<string, unknown>>();
  const name = ruleText(lang, `follow_up_rule.name.${rule.code}`);
  const submit = (values: Record<string, unknown>) =>
    save.mutate(
      { code: rule.code, body: { enabled: rule.enabled, params: values, version: rule.version } },
      {
        onSuccess: () => {
          void message.success(t('followUpRules.saved'));
          onClose();
        },
      },
    );
  return (
    <Modal open title={t('followUpRules.edit.title', { name })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={rule.params} onFinish={submit} data-testid="rule-params">
        {Object.entries(rule.defaults).map(([key, fallback]) => {
          const label = ruleText(lang, `follow_up_rule.param.${key}`);
          if (typeof fallback === 'boolean')
            return (
              <Form.Item key={key} name={key} label={label} valuePropName="checked">
                <Switch />
              </Form.Item>
            );
          if (key === 'festivals')
            return (
              <Form.Item key={key} name={key} label={label} rules={[{ required: true, type: 'array', min: 1, message: ruleText(lang, 'v.festival') }]}>
                <Checkbox.Group options={FESTIVALS.map((f) => ({ value: f, label: FESTIVAL_LABELS[f][lang] }))} />
              </Form.Item>
            );
          if (Array.isArray(fallback))
            return (
              <Form.Item key={key} name={key} label={label}>
                <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
              </Form.Item>
            );
          return (
            <Form.Item
              key={key}
              name={key}
              label={label}
              rules={[{ required: true, message: ruleText(lang, key === 'percent' ? 'v.rule_percent' : 'v.rule_days') }]}
            >
              <InputNumber min={key === 'percent' ? 15 : 0} max={key === 'percent' ? 100 : 365} precision={0} data-testid={`param-${key}`} />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}
