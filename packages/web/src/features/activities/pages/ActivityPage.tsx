import { INVITATION_STATUS_LABELS } from '@kefu/shared/activity';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card as Panel, Col, Form, Input, Modal, Rate, Row, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { CustomerSearchSelect } from '../../complaints/components/CustomerSearchSelect';
import { useSession } from '../../auth/session';
import { useActivity, useInvitations, useInvitationStep, useInvite, type Invitation } from '../api';

const STATUS_COLOR = { invited: 'default', accepted: 'green', declined: 'red' } as const;

/** One activity: the summary with the ratings chart, inviting, answers, check-in and the opinions afterwards. */
export function ActivityPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { can } = useSession();
  const manage = can('activity:manage');
  const activity = useActivity(id);
  const invitations = useInvitations(id);
  const step = useInvitationStep(id);
  const invite = useInvite(id);
  const [inviteForm] = Form.useForm<{ customerId?: string; tierCode?: string; tag?: string }>();
  const [opinionOf, setOpinionOf] = useState<Invitation | null>(null);
  const [opinionForm] = Form.useForm<{ rating?: number; opinion?: string }>();
  const a = activity.data;
  const fail = (err: unknown) => void message.error(errorText(err));
  const act = (i: Invitation, action: 'answer' | 'check-in' | 'opinion', body: Record<string, unknown>) =>
    step.mutate({ customerId: i.customerId, action, body: { ...body, version: i.version } }, { onError: fail });

  const doInvite = () => {
    const v = inviteForm.getFieldsValue();
    invite.mutate(
      { customerIds: v.customerId ? [v.customerId] : [], tierCode: v.tierCode?.trim() || null, tag: v.tag?.trim() || null },
      {
        onSuccess: (r) => {
          void message.success(t('act.invite.done', { n: r.invited }));
          inviteForm.resetFields();
        },
        onError: fail,
      },
    );
  };
  const saveOpinion = () => {
    if (!opinionOf) return;
    const v = opinionForm.getFieldsValue();
    step.mutate(
      { customerId: opinionOf.customerId, action: 'opinion', body: { rating: v.rating ?? 0, opinion: v.opinion ?? '', version: opinionOf.version } },
      { onSuccess: () => setOpinionOf(null), onError: fail },
    );
  };
  const ratings = (a?.summary.ratings ?? []).map((n, i) => ({ label: t('act.s.stars', { n: i + 1 }), count: n }));

  return (
    <>
      <Link to="/activities" style={{ display: 'inline-block', marginBottom: 12 }}>
        {t('act.back')}
      </Link>
      <PageHeader
        title={a ? `${a.title}（${a.place}）` : t('act.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(`/api/v1/activities/${id}/export.xlsx`).catch(fail)}
            data-testid="activity-export"
          >
            {t('act.export')}
          </Button>
        }
      />
      <ErrorAlert error={activity.error ?? invitations.error} />
      {a ? (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <Panel variant="borderless" data-testid="activity-summary">
              <Space size={32} wrap>
                <Statistic title={t('act.s.invited')} value={a.summary.invited} />
                <Statistic title={t('act.s.accepted')} value={`${a.summary.accepted} / ${a.capacity}`} />
                <Statistic title={t('act.s.declined')} value={a.summary.declined} />
                <Statistic title={t('act.s.attended')} value={a.summary.attended} />
                <Statistic title={t('act.s.average')} value={a.summary.averageRating ?? '—'} />
              </Space>
              {a.description ? <p style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>{a.description}</p> : null}
            </Panel>
          </Col>
          <Col xs={24} lg={12}>
            <Panel variant="borderless" title={t('act.s.ratings')} size="small">
              <ResponsiveContainer width="100%" height={160}>
                <BarChart data={ratings} margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" />
                  <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} width={32} />
                  <Tooltip formatter={(v) => [String(v), t('act.s.people')]} />
                  <Bar dataKey="count" fill="#1677ff" barSize={24} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </Panel>
          </Col>
        </Row>
      ) : null}
      {manage ? (
        <Panel variant="borderless" title={t('act.invite')} style={{ marginBottom: 16 }}>
          <Form form={inviteForm} layout="inline" onFinish={doInvite}>
            <Form.Item name="customerId" label={t('act.invite.customer')} style={{ minWidth: 280 }}>
              <CustomerSearchSelect initial={null} placeholder={t('act.invite.customer')} />
            </Form.Item>
            <Form.Item name="tierCode" label={t('act.invite.tier')}>
              <Input maxLength={50} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="tag" label={t('act.invite.tag')}>
              <Input maxLength={50} style={{ width: 120 }} data-testid="field-invite-tag" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={invite.isPending} data-testid="invite-submit">
              {t('act.invite')}
            </Button>
          </Form>
        </Panel>
      ) : null}
      <Panel variant="borderless">
        <Table<Invitation>
          rowKey="customerId"
          size="small"
          loading={invitations.isPending}
          dataSource={invitations.data?.items ?? []}
          locale={{ emptyText: t('act.inv.empty') }}
          pagination={false}
          data-testid="invitations"
          columns={[
            { key: 'name', title: t('act.inv.member'), render: (_, i) => <Link to={`/customers/${i.customerId}`}>{i.customerName}</Link> },
            {
              key: 'status',
              title: t('act.inv.status'),
              render: (_, i) => <Tag color={STATUS_COLOR[i.status]}>{INVITATION_STATUS_LABELS[i.status][lang]}</Tag>,
            },
            {
              key: 'in',
              title: t('act.inv.checkedIn'),
              render: (_, i) => (i.checkedInAt ? new Date(i.checkedInAt).toLocaleString('zh-CN', { hour12: false }).slice(0, -3) : ''),
            },
            { key: 'rating', title: t('act.inv.rating'), render: (_, i) => (i.rating ? <Rate disabled value={i.rating} style={{ fontSize: 14 }} /> : '') },
            { key: 'opinion', title: t('act.inv.opinion'), dataIndex: 'opinion' },
            {
              key: 'act',
              title: '',
              render: (_, i) =>
                manage ? (
                  <Space size={4}>
                    {!i.checkedInAt && i.status !== 'accepted' ? (
                      <Button size="small" onClick={() => act(i, 'answer', { status: 'accepted' })}>
                        {t('act.inv.accept')}
                      </Button>
                    ) : null}
                    {!i.checkedInAt && i.status !== 'declined' ? (
                      <Button size="small" onClick={() => act(i, 'answer', { status: 'declined' })}>
                        {t('act.inv.decline')}
                      </Button>
                    ) : null}
                    {!i.checkedInAt && i.status !== 'declined' ? (
                      <Button size="small" type="primary" onClick={() => act(i, 'check-in', {})} data-testid={`check-in-${i.customerName}`}>
                        {t('act.inv.checkIn')}
                      </Button>
                    ) : null}
                    {i.checkedInAt ? (
                      <Button
                        size="small"
                        onClick={() => {
                          opinionForm.setFieldsValue({ rating: i.rating ?? 5, opinion: i.opinion ?? '' });
                          setOpinionOf(i);
                        }}
                        data-testid={`opinion-${i.customerName}`}
                      >
                        {t('act.inv.giveOpinion')}
                      </Button>
                    ) : null}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Panel>
      {opinionOf ? (
        <Modal
          open
          title={t('act.opinion.title', { name: opinionOf.customerName })}
          onOk={saveOpinion}
          onCancel={() => setOpinionOf(null)}
          confirmLoading={step.isPending}
          okButtonProps={{ 'data-testid': 'opinion-submit' }}
        >
          <Form form={opinionForm} layout="vertical">
            <Form.Item name="rating" label={t('act.inv.rating')}>
              <Rate />
            </Form.Item>
            <Form.Item name="opinion" label={t('act.inv.opinion')}>
              <Input.TextArea rows={3} maxLength={1000} data-testid="field-opinion" />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </>
  );
}
