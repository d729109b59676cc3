import { CAMPAIGN_PURPOSES, type FollowUpCampaign } from '@kefu/shared/follow-up';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorText } from '../../../lib/api-error';
import { useAgents, useCampaignTasks, useCampaigns, useCreateCampaign } from '../api';
import { pct, purposeLabel } from '../labels';

function NewCampaign({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const create = useCreateCampaign();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<string>('satisfaction');
  const [target, setTarget] = useState<number | null>(null);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const submit = () =>
    create.mutate(
      {
        name: name.trim(),
        purpose,
        targetSuccessRate: target === null ? null : target / 100,
        startsOn: period[0].format('YYYY-MM-DD'),
        endsOn: period[1].format('YYYY-MM-DD'),
      },
      { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal open={open} title={t('fu.campaign.new')} onCancel={onClose} onOk={submit} okButtonProps={{ disabled: !name.trim(), loading: create.isPending }}>
      <Form layout="vertical">
        <Form.Item label={t('fu.campaign.name')} required>
          <Input maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('fu.campaign.purpose')}>
          <Select value={purpose} onChange={setPurpose} options={CAMPAIGN_PURPOSES.map((p) => ({ value: p, label: purposeLabel(p, lang) }))} />
        </Form.Item>
        <Form.Item label={t('fu.campaign.target')}>
          <InputNumber min={0} max={100} value={target} onChange={(v) => setTarget(v ?? null)} />
        </Form.Item>
        <Form.Item label={t('fu.campaign.period')}>
          <DatePicker.RangePicker value={period} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddTasks({ campaign, onClose }: { campaign: FollowUpCampaign; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const agents = useAgents();
  const add = useCampaignTasks(campaign.id);
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [dueAt, setDueAt] = useState<Dayjs | null>(dayjs().add(1, 'day').hour(10).minute(0).second(0));
  const [agentIds, setAgentIds] = useState<string[]>([]);
  const set = (k: string, v: string | undefined) =>
    setFilter((f) => {
      const n = { ...f };
      if (v) n[k] = v;
      else delete n[k];
      return n;
    });
  const submit = () =>
    add.mutate(
      { filter, reason: reason.trim(), dueAt: dueAt!.toISOString(), priority: 2, agentIds },
      {
        onSuccess: (r) => {
          void message.success(t('fu.campaign.added', r));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const people = (agents.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <Modal
      open
      title={`${t('fu.campaign.addTasks')}：${campaign.name}`}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !reason.trim() || !dueAt, loading: add.isPending }}
    >
      <Form layout="vertical">
        <Form.Item label={t('fu.campaign.filter.owner')}>
          <Select allowClear value={filter.ownerId} onChange={(v) => set('ownerId', v)} options={people} />
        </Form.Item>
        <Space>
          <Form.Item label={t('fu.campaign.filter.tier')}>
            <Input maxLength={32} value={filter.tierCode ?? ''} onChange={(e) => set('tierCode', e.target.value.trim() || undefined)} />
          </Form.Item>
          <Form.Item label={t('fu.campaign.filter.class')}>
            <Input maxLength={32} value={filter.classCode ?? ''} onChange={(e) => set('classCode', e.target.value.trim() || undefined)} />
          </Form.Item>
          <Form.Item label={t('fu.campaign.filter.tag')}>
            <Input maxLength={20} value={filter.tag ?? ''} onChange={(e) => set('tag', e.target.value.trim() || undefined)} />
          </Form.Item>
        </Space>
        <Form.Item label={t('fu.manage.reason')} required>
          <Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('fu.manage.dueAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={dueAt} onChange={setDueAt} />
        </Form.Item>
        <Form.Item label={t('fu.campaign.spread')}>
          <Select mode="multiple" value={agentIds} onChange={setAgentIds} options={people} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 回访活动: name, purpose, target rate, period; tasks for a filtered set of customers; the summary report. */
export function CampaignsPanel() {
  const t = useT();
  const { lang } = useLang();
  const list = useCampaigns();
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<FollowUpCampaign | null>(null);
  return (
    <>
      <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)} data-testid="campaign-new">
        {t('fu.campaign.new')}
      </Button>
      <ErrorAlert error={list.error} />
      <Table<FollowUpCampaign>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('fu.campaign.name'), dataIndex: 'name' },
          { title: t('fu.campaign.purpose'), key: 'purpose', render: (_, c) => <Tag>{purposeLabel(c.purpose, lang)}</Tag> },
          { title: t('fu.campaign.target'), key: 'target', render: (_, c) => pct(c.targetSuccessRate) },
          { title: t('fu.campaign.period'), key: 'period', render: (_, c) => `${c.startsOn ?? ''} ~ ${c.endsOn ?? ''}` },
          { title: t('fu.campaign.tasks'), key: 'tasks', render: (_, c) => `${c.open} / ${c.tasks}` },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setAdding(c)}>
                  {t('fu.campaign.addTasks')}
                </Button>
                <Link to={`/follow-up-stats?campaign=${c.id}`}>{t('fu.campaign.report')}</Link>
              </Space>
            ),
          },
        ]}
      />
      <NewCampaign open={creating} onClose={() => setCreating(false)} />
      {adding ? <AddTasks campaign={adding} onClose={() => setAdding(null)} /> : null}
    </>
  );
}
