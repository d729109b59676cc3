import type { FeedToken } from '@kefu/shared/booking-extras';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Table, Typography, message } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { errorText } from '../../../lib/api-error';
import { CustomerSearchSelect, type PickedCustomer } from '../../complaints/components/CustomerSearchSelect';
import { useDepartmentTimeZone, useResources } from '../api';
import { useFeedTokenMutations, useFeedTokens, type FeedTokenCreated } from '../extras-api';
import { clockText } from '../slots';

/**
 * 日历订阅: an iCalendar link for a resource's or a customer's bookings. The secret token is the link,
 * shown once (the server keeps only its hash); the list names each link by its first characters.
 */
export function FeedTokensPage() {
  const t = useT();
  const tz = useDepartmentTimeZone() ?? 'Asia/Shanghai';
  const resources = useResources();
  const tokens = useFeedTokens();
  const { create, revoke } = useFeedTokenMutations();
  const [target, setTarget] = useState<'resource' | 'customer'>('resource');
  const [resourceId, setResourceId] = useState<string | undefined>();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<FeedTokenCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = new Map((resources.data?.items ?? []).map((r) => [r.id, r.name]));

  const make = () => {
    const body =
      target === 'resource'
        ? { resourceId, label: label.trim() || (resourceId ? (names.get(resourceId) ?? '') : '') }
        : { customerId: customer?.id, label: label.trim() || (customer?.name ?? '') };
    if (!body.resourceId && !body.customerId) return setError(t('feeds.pickTarget'));
    setError(null);
    setCreated(null);
    create.mutate(body as { label: string }, {
      onSuccess: (c) => {
        setCreated(c);
        setLabel('');
      },
      onError: (err) => setError(errorText(err)),
    });
  };
  const url = created ? `${window.location.origin}${created.path}` : '';

  return (
    <>
      <PageHeader title={t('feeds.title')}>
        <Typography.Text type="secondary">{t('feeds.help')}</Typography.Text>
      </PageHeader>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card variant="borderless" title={t('feeds.new')}>
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            <Form.Item label={t('feeds.target')}>
              <Radio.Group value={target} onChange={(e) => setTarget(e.target.value as 'resource' | 'customer')} data-testid="feed-target">
                <Radio value="resource">{t('feeds.target.resource')}</Radio>
                <Radio value="customer">{t('feeds.target.customer')}</Radio>
              </Radio.Group>
            </Form.Item>
            {target === 'resource' ? (
              <Form.Item label={t('feeds.resource')} required extra={t('feeds.resourceFeedNote')}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  value={resourceId}
                  onChange={setResourceId}
                  options={(resources.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
                  data-testid="feed-resource"
                />
              </Form.Item>
            ) : (
              <Form.Item label={t('feeds.customer')} required>
                <CustomerSearchSelect initial={null} value={customer?.id ?? null} onPick={setCustomer} placeholder={t('bookings.form.customerPlaceholder')} />
              </Form.Item>
            )}
            <Form.Item label={t('feeds.label')}>
              <Input
                value={label}
                maxLength={100}
                onChange={(e) => setLabel(e.target.value)}
                placeholder={t('feeds.labelPlaceholder')}
                data-testid="feed-label"
              />
            </Form.Item>
            <Button type="primary" onClick={make} loading={create.isPending} data-testid="feed-create">
              {t('feeds.create')}
            </Button>
          </Form>
          {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="feed-error" /> : null}
          {created ? (
            <Alert
              type="success"
              showIcon
              style={{ marginTop: 12 }}
              title={t('feeds.created')}
              description={
                <Typography.Text copyable={{ text: url }} code data-testid="feed-url">
                  {url}
                </Typography.Text>
              }
            />
          ) : null}
        </Card>
        <Card variant="borderless">
          <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} retryText={t('common.retry')} />
          <Table<FeedToken>
            rowKey="id"
            size="small"
            loading={tokens.isPending}
            pagination={false}
            dataSource={tokens.data?.items ?? []}
            locale={{ emptyText: t('feeds.none') }}
            onRow={(f) => ({ 'data-testid': `feed-row-${f.prefix}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'label', title: t('feeds.col.label'), render: (_, f) => f.label || '—' },
              {
                key: 'target',
                title: t('feeds.col.target'),
                render: (_, f) =>
                  f.customerId ? <Link to={`/customers/${f.customerId}`}>{t('feeds.customerTarget')}</Link> : (names.get(f.resourceId ?? '') ?? '—'),
              },
              { key: 'prefix', title: t('feeds.col.prefix'), render: (_, f) => <Typography.Text code>{f.prefix}…</Typography.Text> },
              { key: 'createdBy', title: t('feeds.col.createdBy'), dataIndex: 'createdBy' },
              { key: 'createdAt', title: t('feeds.col.createdAt'), render: (_, f) => clockText(f.createdAt, tz) },
              { key: 'lastUsed', title: t('feeds.col.lastUsed'), render: (_, f) => (f.lastUsedAt ? clockText(f.lastUsedAt, tz) : t('feeds.neverUsed')) },
              {
                key: 'revoke',
                title: '',
                render: (_, f) => (
                  <Popconfirm
                    title={t('feeds.revokeConfirm')}
                    onConfirm={() =>
                      revoke.mutate(f.id, {
                        onSuccess: () => {
                          void message.success(t('feeds.revoked'));
                          if (created?.id === f.id) setCreated(null);
                        },
                        onError: (err) => setError(errorText(err)),
                      })
                    }
                  >
                    <Button size="small" danger data-testid="feed-revoke">
                      {t('feeds.revoke')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
