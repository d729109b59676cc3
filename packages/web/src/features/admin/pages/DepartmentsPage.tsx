import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Table, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { useCreateDepartment, useDepartments, useUsers, type Department } from '../api';

/** 部门: the departments complaints and tasks are transferred to, and how many people are in each. */
export function DepartmentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const departments = useDepartments();
  const users = useUsers();
  const create = useCreateDepartment();
  const [form] = Form.useForm<{ name: string }>();
  const members = (id: string) => (users.data ?? []).filter((u) => u.departmentId === id && u.active).length;

  const submit = ({ name }: { name: string }) =>
    create.mutate(name.trim(), {
      onSuccess: (d) => {
        void message.success(t('common.saved'));
        form.resetFields();
        return d;
      },
    });
  return (
    <>
      <PageHeader title={t('admin.departments.title')}>
        <Typography.Text type="secondary">{t('admin.departments.help')}</Typography.Text>
      </PageHeader>
      <Card variant="borderless" style={{ maxWidth: 720 }}>
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 16 }}>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('admin.departments.name') }]}>
            <Input placeholder={t('admin.departments.name')} maxLength={40} style={{ width: 260 }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
              {t('admin.departments.new')}
            </Button>
          </Space>
        </Form>
        {create.error ? <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 12 }} /> : null}
        <ErrorAlert error={departments.error} />
        <Table<Department>
          rowKey="id"
          size="middle"
          loading={departments.isPending}
          dataSource={departments.data ?? []}
          pagination={false}
          columns={[
            { title: t('admin.departments.name'), dataIndex: 'name' },
            { title: t('admin.departments.members'), key: 'members', width: 120, render: (_, d) => members(d.id) },
          ]}
        />
      </Card>
    </>
  );
}
