import { activityCreateSchema } from '@kefu/shared/activity';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card as Panel, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useActivities, useCreateActivity, type Activity } from '../api';

const FIELDS = ['title', 'startsAt', 'endsAt', 'place', 'capacity', 'description'] as const;
const when = (a: Activity) =>
  `${new Date(a.startsAt).toLocaleString('zh-CN', { hour12: false }).slice(0, -3)} – ${new Date(a.endsAt).toLocaleTimeString('zh-CN', { hour12: false }).slice(0, 5)}`;

/** 会员活动 (seed 003 会籍管理员 (5)(6)): the list with each one's invited / accepted / came and rating; a new one. */
export function ActivitiesPage() {
  const t = useT();
  const list = useActivities();
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('act.title')}
        extra={
          can('activity:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="activity-new">
              {t('act.new')}
            </Button>
          ) : null
        }
      />
      <Panel variant="borderless">
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<Activity>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('act.empty') }}
          pagination={false}
          data-testid="activities"
          columns={[
            { key: 'title', title: t('act.f.title'), render: (_, a) => <Link to={`/activities/${a.id}`}>{a.title}</Link> },
            { key: 'when', title: t('act.col.when'), render: (_, a) => when(a) },
            { key: 'place', title: t('act.f.place'), dataIndex: 'place' },
            { key: 'cap', title: t('act.f.capacity'), dataIndex: 'capacity', align: 'right' },
            { key: 'sum', title: t('act.col.summary'), render: (_, a) => `${a.summary.invited} / ${a.summary.accepted} / ${a.summary.attended}` },
            { key: 'rating', title: t('act.col.rating'), align: 'right', render: (_, a) => a.summary.averageRating ?? '—' },
          ]}
        />
      </Panel>
      {creating ? <ActivityDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface Values {
  title?: string;
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  place?: string;
  capacity?: number;
  description?: string;
}

function ActivityDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    const body = parseForForm(
      form,
      activityCreateSchema,
      {
        title: v.title ?? '',
        startsAt: v.startsAt?.format() ?? '',
        endsAt: v.endsAt?.format() ?? '',
        place: v.place ?? '',
        capacity: v.capacity ?? 0,
        description: v.description ?? '',
      },
      lang,
      FIELDS,
    );
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('act.created'));
        onClose();
      },
      onError: (err) => setError(showServerErrors(form, err, FIELDS)),
    });
  };
  return (
    <Modal
      open
      title={t('act.new')}
      okText={t('act.save')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'activity-submit' }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ capacity: 20 }}>
        <Form.Item name="title" label={t('act.f.title')} required>
          <Input maxLength={100} data-testid="field-act-title" />
        </Form.Item>
        <Form.Item name="startsAt" label={t('act.f.startsAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="field-act-starts" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('act.f.endsAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-testid="field-act-ends" />
        </Form.Item>
        <Form.Item name="place" label={t('act.f.place')} required>
          <Input maxLength={100} data-testid="field-act-place" />
        </Form.Item>
        <Form.Item name="capacity" label={t('act.f.capacity')} required>
          <InputNumber min={1} max={10000} precision={0} />
        </Form.Item>
        <Form.Item name="description" label={t('act.f.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
