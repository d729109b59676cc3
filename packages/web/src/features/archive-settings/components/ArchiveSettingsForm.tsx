import { archiveSettingsSchema, type ArchiveSettings } from '@kefu/shared/settings';
import { Alert, App, Button, Form, InputNumber, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useCategories } from '../../customers/api';
import { useArchiveSettings, useSaveArchiveSettings } from '../api';

const FIELDS = ['churnRiskDays', 'bigCustomerTiers'];

/** The rules behind the named lists: churn-risk days and which tiers are big customers. */
export function ArchiveSettingsForm() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const settings = useArchiveSettings();
  const categories = useCategories();
  const save = useSaveArchiveSettings();
  const [form] = Form.useForm<ArchiveSettings>();
  const [general, setGeneral] = useState<string | null>(null);

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  const tiers = (categories.data ?? []).filter((c) => c.kind === 'tier').map((c) => ({ value: c.code, label: lang === 'zh-CN' ? c.labelZh : c.labelEn }));

  const submit = (values: ArchiveSettings) => {
    const body = parseForForm(form, archiveSettingsSchema, values, lang, FIELDS);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        setGeneral(null);
        void message.success(t('common.saved'));
      },
      onError: (err) => setGeneral(showServerErrors(form, err, FIELDS)),
    });
  };
  return (
    <Form<ArchiveSettings> form={form} layout="vertical" initialValues={settings.data} onFinish={submit} style={{ maxWidth: 520 }}>
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="churnRiskDays" label={t('archiveSettings.churnRiskDays')} extra={t('archiveSettings.churnRiskDays.help')}>
        <InputNumber min={7} max={730} suffix={t('archiveSettings.days')} style={{ width: 160 }} data-testid="churn-days" />
      </Form.Item>
      <Form.Item name="bigCustomerTiers" label={t('archiveSettings.bigCustomerTiers')} extra={t('archiveSettings.bigCustomerTiers.help')}>
        <Select mode="multiple" options={tiers} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="archive-settings-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}
