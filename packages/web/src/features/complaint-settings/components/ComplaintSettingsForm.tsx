import { UndoOutlined } from '@ant-design/icons';
import { complaintSettingsSchema, DEFAULT_COMPLAINT_SETTINGS, type ComplaintSettings } from '@kefu/shared/complaint';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { PageHeader } from '../../../components/PageHeader';
import { errorText, isApiError, type FieldError } from '../../../lib/api-error';
import { zodFieldErrors } from '../../../lib/form-errors';
import { useSaveComplaintSettings } from '../api';
import { sortedFollowUps, splitErrors, toFormValues, toSettingsInput, touchedNames, type SettingsFormValues } from '../settings-form';
import { LimitsFields } from './LimitsFields';
import { PolicyFields } from './PolicyFields';
import { RulePreview } from './RulePreview';
import { RulesTable } from './RulesTable';

/** The whole settings screen is one form, checked by the same schema as the server before it is sent. */
export function ComplaintSettingsForm({ saved }: { saved: ComplaintSettings }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const save = useSaveComplaintSettings();
  const [form] = Form.useForm<SettingsFormValues>();
  const [general, setGeneral] = useState<string[]>([]);
  // antd types nested names by the form's values; ours are built from the same shape
  type FieldData = Parameters<typeof form.setFields>[0];

  const show = (errors: FieldError[]) => {
    const { fields, others } = splitErrors(errors);
    form.setFields(fields as unknown as FieldData);
    setGeneral(others);
    if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  };

  const submit = (values: SettingsFormValues) => {
    // the first follow-up is the one right after closing: put them in order, as the schema wants them
    const followUpDays = sortedFollowUps(values.followUpDays);
    form.setFieldValue('followUpDays', followUpDays);
    const parsed = complaintSettingsSchema.safeParse(toSettingsInput({ ...values, followUpDays }));
    if (!parsed.success) return show(zodFieldErrors(parsed.error, lang));
    setGeneral([]);
    save.mutate(parsed.data, {
      onSuccess: (result) => {
        form.setFieldsValue(toFormValues(result));
        void message.success(t('common.saved'));
      },
      onError: (err) => (isApiError(err) && err.fieldErrors.length ? show(err.fieldErrors) : setGeneral([errorText(err)])),
    });
  };

  const clearAllErrors = () =>
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name, errors: [] })) as unknown as FieldData,
    );

  const restoreDefaults = () => {
    form.setFieldsValue(toFormValues(DEFAULT_COMPLAINT_SETTINGS));
    clearAllErrors();
    setGeneral([]);
    void message.info(t('complaintSettings.restoreDefaults.done'));
  };

  return (
    <Form<SettingsFormValues>
      form={form}
      layout="vertical"
      initialValues={toFormValues(saved)}
      onFinish={submit}
      // the errors are ours, not antd rules: a corrected field (or a list changed) loses its old one
      onValuesChange={(changed: object) => form.setFields(touchedNames(changed).map((name) => ({ name, errors: [] })) as unknown as FieldData)}
      data-testid="complaint-settings-form"
    >
      <PageHeader
        title={t('complaintSettings.title')}
        extra={
          <Space>
            <Button icon={<UndoOutlined />} onClick={restoreDefaults} data-testid="settings-defaults">
              {t('complaintSettings.restoreDefaults')}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Typography.Text type="secondary">{t('complaintSettings.subtitle')}</Typography.Text>
      </PageHeader>
      {general.length ? <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 12 }} data-testid="settings-error" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card variant="borderless" title={t('complaintSettings.limits')}>
            <LimitsFields />
            <Typography.Title level={5}>{t('complaintSettings.rules')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('complaintSettings.rules.help')}</Typography.Paragraph>
            <RulesTable />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t('complaintSettings.preview')}>
              <RulePreview />
            </Card>
            <Card variant="borderless" title={t('complaintSettings.policy')}>
              <PolicyFields />
            </Card>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
