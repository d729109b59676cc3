import { customerFilterSchema, type CustomerFilter } from '@kefu/shared/customer-export';
import { Alert, Button, Form, Input, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequestExport } from './api';

/** The request: a reason, and the filters of the customer list it came from (in this page's URL). */
export function RequestForm() {
  const t = useT();
  const [search] = useSearchParams();
  const filter = useMemo<CustomerFilter>(() => {
    const parsed = customerFilterSchema.safeParse(Object.fromEntries(search));
    return parsed.success ? parsed.data : {};
  }, [search]);
  const request = useRequestExport();
  const [form] = Form.useForm<{ reason: string }>();
  const entries = Object.entries(filter).filter(([, v]) => v);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => request.mutate({ reason: v.reason, filter }, { onSuccess: () => form.resetFields() })}
      style={{ maxWidth: 640 }}
    >
      <Form.Item label={t('export.filters')}>
        <Space wrap>
          {entries.length ? (
            entries.map(([k, v]) => <Tag key={k}>{`${k}: ${String(v)}`}</Tag>)
          ) : (
            <Typography.Text type="secondary">{t('export.allCustomers')}</Typography.Text>
          )}
        </Space>
      </Form.Item>
      <Form.Item name="reason" label={t('export.reasonLabel')} rules={[{ required: true, min: 2, message: t('export.reasonPlaceholder') }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('export.reasonPlaceholder')} data-testid="export-reason" />
      </Form.Item>
      <ErrorAlert error={request.error} />
      {request.isSuccess && <Alert type="success" showIcon title={t('export.submitted')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={request.isPending} data-testid="export-submit">
        {t('export.submit')}
      </Button>
    </Form>
  );
}
