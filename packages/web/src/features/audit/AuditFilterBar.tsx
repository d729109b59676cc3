import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../app/i18n/use-t';
import type { AuditFilters } from './api';

interface Values {
  actor?: string;
  action?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Who, what, which record, when; the range is whole days in the reader's time zone. */
export function AuditFilterBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const apply = (v: Values) =>
    onChange({
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').format() ?? undefined,
      to: v.range?.[1]?.add(1, 'day').startOf('day').format() ?? undefined,
    });
  return (
    <Form form={form} layout="inline" onFinish={apply} style={{ rowGap: 8, marginBottom: 12 }}>
      <Form.Item name="actor">
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action">
        <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item name="entityId">
        <Input allowClear placeholder={t('audit.entityId')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('common.search')}
      </Button>
      <Button
        style={{ marginLeft: 8 }}
        onClick={() => {
          form.resetFields();
          onChange({});
        }}
      >
        {t('common.reset')}
      </Button>
    </Form>
  );
}
