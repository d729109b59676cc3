import type { CustomerListItem } from '@kefu/shared/customer';
import type { Inquiry } from '@kefu/shared/inquiry';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { withQuery } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useCategoryLabel, useCategoryOptions } from '../../knowledge/labels';
import { useInquiries } from '../api';
import { PromoteDialog } from '../components/PromoteDialog';
import { InquiryPanel } from '../InquiryPanel';

/** 咨询记录: the form (with the knowledge base's suggestions) beside the list; the supervisor promotes good answers. */
export function InquiryListPage() {
  const t = useT();
  const { can } = useSession();
  const [typed, setTyped] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [unpromoted, setUnpromoted] = useState(false);
  const [customer, setCustomer] = useState<CustomerListItem | null>(null);
  const [promoting, setPromoting] = useState<Inquiry | null>(null);
  const q = useDebouncedValue(typed.trim(), 300);
  const list = useInquiries({ q: q || undefined, category, unpromoted: unpromoted ? 'true' : undefined });
  const categories = useCategoryOptions();
  const categoryLabel = useCategoryLabel();

  return (
    <>
      <PageHeader
        title={t('inquiries.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={withQuery('/api/v1/inquiries/export.xlsx', { q: q || undefined, category, unpromoted: unpromoted ? 'true' : undefined })}
            data-testid="inquiries-export"
          >
            {t('inquiries.export')}
          </Button>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Form layout="vertical">
            <Form.Item label={t('inquiries.customer')}>
              <CustomerPicker value={customer} onChange={setCustomer} />
            </Form.Item>
          </Form>
          <InquiryPanel key={customer?.id ?? 'anonymous'} {...(customer ? { customerId: customer.id } : {})} />
        </Col>
        <Col xs={24} xl={15}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Input.Search allowClear style={{ width: 280 }} placeholder={t('inquiries.search')} value={typed} onChange={(e) => setTyped(e.target.value)} />
            <Select allowClear style={{ width: 150 }} placeholder={t('knowledge.allCategories')} options={categories} value={category} onChange={setCategory} />
            {can('knowledge:manage') ? (
              <Checkbox checked={unpromoted} onChange={(e) => setUnpromoted(e.target.checked)} data-testid="inquiries-unpromoted">
                {t('inquiries.unpromoted')}
              </Checkbox>
            ) : null}
          </Space>
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
          <Table<Inquiry>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('inquiries.empty') }}
            data-testid="inquiry-list"
            columns={[
              {
                key: 'question',
                title: t('inquiries.col.question'),
                render: (_, i) => (
                  <>
                    <div>{i.question}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {i.answer}
                    </Typography.Text>
                  </>
                ),
              },
              { key: 'category', title: t('inquiries.col.category'), width: 110, render: (_, i) => <Tag>{categoryLabel(i.category)}</Tag> },
              {
                key: 'customer',
                title: t('inquiries.col.customer'),
                width: 110,
                render: (_, i) =>
                  i.customer ? (
                    <Link to={`/customers/${i.customer.id}`}>{i.customer.name}</Link>
                  ) : (
                    <Typography.Text type="secondary">{t('inquiries.anonymous')}</Typography.Text>
                  ),
              },
              { key: 'by', title: t('inquiries.col.recordedBy'), width: 100, render: (_, i) => i.recordedBy?.name ?? '—' },
              { key: 'at', title: t('inquiries.col.at'), width: 160, render: (_, i) => new Date(i.createdAt).toLocaleString() },
              {
                key: 'promote',
                width: 140,
                render: (_, i) =>
                  i.promotedArticleId ? (
                    <Link to={`/knowledge/${i.promotedArticleId}`}>{t('inquiries.promoted')}</Link>
                  ) : i.abilities.promote ? (
                    <Button size="small" onClick={() => setPromoting(i)} data-testid="inquiry-promote">
                      {t('inquiries.promote')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Col>
      </Row>
      {promoting ? <PromoteDialog inquiry={promoting} onClose={() => setPromoting(null)} /> : null}
    </>
  );
}
