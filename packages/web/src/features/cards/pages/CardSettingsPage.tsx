import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card as Panel, Form, InputNumber, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { formatAmount } from '../amounts';
import { useCardSettings, useCardTypes, useSaveCardSettings, useUpdateCardType, type CardSettings, type CardType } from '../api';
import { CardTypeDialog } from '../components/CardTypeDialog';
import { useCardKindLabel } from '../labels';

/** 会员卡设置 (card:settings): the refund policy of seed 004 (不退费 by default), the renewal window, and the card types. */
export function CardSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const kindLabel = useCardKindLabel();
  const settings = useCardSettings();
  const save = useSaveCardSettings();
  const types = useCardTypes();
  const update = useUpdateCardType();
  const [form] = Form.useForm<CardSettings>();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CardType | null>(null);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const toggle = (ct: CardType, active: boolean) => {
    const { id, version, name, course, validityDays, lowBalanceThreshold } = ct;
    update.mutate({ id, body: { name, course, validityDays, lowBalanceThreshold, active, version } }, { onError: (err) => void message.error(errorText(err)) });
  };

  return (
    <>
      <PageHeader title={t('cards.settings.title')} />
      <Panel variant="borderless" title={t('cards.settings.policy')} style={{ marginBottom: 16 }}>
        <ErrorAlert error={settings.error ?? save.error} />
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            save.mutate(
              { refundsAllowed: !!v.refundsAllowed, renewalWithinDays: v.renewalWithinDays },
              { onSuccess: () => void message.success(t('cards.settings.saved')) },
            )
          }
        >
          <Form.Item name="refundsAllowed" label={t('cards.settings.refundsAllowed')} valuePropName="checked">
            <Switch data-testid="field-refunds" />
          </Form.Item>
          <Form.Item name="renewalWithinDays" label={t('cards.settings.renewalWithinDays')} rules={[{ required: true }]}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!settings.data} data-testid="settings-save">
            {t('cards.settings.save')}
          </Button>
        </Form>
      </Panel>
      <Panel
        variant="borderless"
        title={t('cards.types')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="type-new">
            {t('cards.types.new')}
          </Button>
        }
      >
        <ErrorAlert error={types.error} onRetry={() => void types.refetch()} retryText={t('common.retry')} />
        <Table<CardType>
          rowKey="id"
          size="small"
          loading={types.isPending}
          dataSource={types.data?.items ?? []}
          pagination={false}
          data-testid="card-types"
          columns={[
            { key: 'name', title: t('cards.types.name'), render: (_, ct) => (ct.course ? `${ct.name}（${ct.course}）` : ct.name) },
            { key: 'kind', title: t('cards.types.kind'), render: (_, ct) => <Tag>{kindLabel(ct.kind)}</Tag> },
            { key: 'code', title: t('cards.types.code'), dataIndex: 'code' },
            { key: 'prefix', title: t('cards.types.prefix'), dataIndex: 'prefix' },
            { key: 'days', title: t('cards.types.days'), render: (_, ct) => (ct.validityDays ? String(ct.validityDays) : t('cards.neverExpires')) },
            { key: 'low', title: t('cards.types.lowBalance'), align: 'right', render: (_, ct) => formatAmount(t, ct.lowBalanceThreshold, ct.unit) },
            {
              key: 'edit',
              title: '',
              render: (_, ct) => (
                <Button size="small" onClick={() => setEditing(ct)} data-testid={`type-edit-${ct.code}`}>
                  {t('cards.types.editButton')}
                </Button>
              ),
            },
            {
              key: 'active',
              title: t('cards.types.active'),
              render: (_, ct) => (
                <Switch size="small" checked={ct.active} loading={update.isPending && update.variables.id === ct.id} onChange={(on) => toggle(ct, on)} />
              ),
            },
          ]}
        />
      </Panel>
      {creating ? <CardTypeDialog onClose={() => setCreating(false)} /> : null}
      {editing ? <CardTypeDialog type={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
