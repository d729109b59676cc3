import { REFERRAL_QUALIFIERS, REFERRAL_STATUS_LABELS, REFERRAL_STATUSES, type Referral, type ReferralStatus } from '@kefu/shared/referral';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card as Panel, Form, Input, Modal, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { api, downloadFile, request } from '../../lib/api-client';
import { errorText } from '../../lib/api-error';
import { useSession } from '../auth/session';
import { formatAmount } from '../cards/amounts';
import { CustomerSearchSelect } from '../complaints/components/CustomerSearchSelect';

const COLORS = { pending: 'default', qualified: 'gold', rewarded: 'green' } as const;

/** 转介绍 (seed 004): who brought whom, whether the new customer has bought or come, the reward; the list in Excel. */
export function ReferralsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { can } = useSession();
  const qc = useQueryClient();
  const [status, setStatus] = useState<ReferralStatus | 'all'>('all');
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['referrals', status],
    queryFn: () => api.get<{ items: Referral[] }>('/api/v1/referrals', { limit: 200, ...(status === 'all' ? {} : { status }) }),
  });
  const reward = useMutation({
    mutationFn: (r: Referral) =>
      request<Referral>('POST', `/api/v1/referrals/${r.id}/reward`, { version: r.version }, { headers: { 'Idempotency-Key': `reward-${r.id}-${r.version}` } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['referrals'] }),
    onError: (err) => void message.error(errorText(err)),
  });
  const exportXlsx = () =>
    void downloadFile(`/api/v1/referrals/export.xlsx${status === 'all' ? '' : `?status=${status}`}`).catch(
      (err: unknown) => void message.error(errorText(err)),
    );
  return (
    <>
      <PageHeader
        title={t('ref.title')}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="referrals-export">
              {t('cards.renewals.export')}
            </Button>
            {can('referral:manage') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="referral-new">
                {t('ref.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Panel variant="borderless">
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(v) => setStatus(v as ReferralStatus | 'all')}
          options={[{ value: 'all', label: t('ref.all') }, ...REFERRAL_STATUSES.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s][lang] }))]}
        />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <Table<Referral>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('ref.empty') }}
          pagination={false}
          data-testid="referrals"
          columns={[
            { key: 'a', title: t('ref.referrer'), render: (_, r) => <Link to={`/customers/${r.referrerId}`}>{r.referrerName}</Link> },
            { key: 'b', title: t('ref.referred'), render: (_, r) => <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link> },
            { key: 'on', title: t('ref.on'), dataIndex: 'referredOn' },
            { key: 'st', title: t('ref.status'), render: (_, r) => <Tag color={COLORS[r.status]}>{REFERRAL_STATUS_LABELS[r.status][lang]}</Tag> },
            { key: 'by', title: t('ref.qualifiedBy'), render: (_, r) => (r.qualifiedBy ? REFERRAL_QUALIFIERS[r.qualifiedBy][lang] : '') },
            {
              key: 'reward',
              title: t('ref.reward'),
              render: (_, r) =>
                r.status === 'rewarded' && r.rewardAmount !== null && r.rewardUnit ? (
                  `${r.rewardCardNumber ?? ''} ${formatAmount(t, r.rewardAmount, r.rewardUnit, true)}`
                ) : r.status === 'qualified' && can('referral:manage') ? (
                  <Button size="small" loading={reward.isPending && reward.variables.id === r.id} onClick={() => reward.mutate(r)}>
                    {t('ref.giveReward')}
                  </Button>
                ) : (
                  ''
                ),
            },
            { key: 'note', title: t('ref.note'), dataIndex: 'note' },
          ]}
        />
      </Panel>
      {creating ? <ReferralDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function ReferralDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ referrerId?: string; referredId?: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: unknown) => api.post<Referral>('/api/v1/referrals', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['referrals'] });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  const submit = () => {
    const v = form.getFieldsValue();
    create.mutate({ referrerId: v.referrerId ?? '', referredId: v.referredId ?? '', note: v.note ?? '' });
  };
  return (
    <Modal open title={t('ref.new')} onOk={submit} onCancel={onClose} confirmLoading={create.isPending} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item name="referrerId" label={t('ref.referrer')} required>
          <CustomerSearchSelect initial={null} placeholder={t('ref.referrer')} />
        </Form.Item>
        <Form.Item name="referredId" label={t('ref.referred')} required>
          <CustomerSearchSelect initial={null} placeholder={t('ref.referred')} />
        </Form.Item>
        <Form.Item name="note" label={t('ref.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
