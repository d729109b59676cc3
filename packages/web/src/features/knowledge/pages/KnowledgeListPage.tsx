import { PlusOutlined } from '@ant-design/icons';
import type { Article } from '@kefu/shared/knowledge';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useSession } from '../../auth/session';
import { useArticles } from '../api';
import { useCategoryLabel, useCategoryOptions, useStatusLabel } from '../labels';

/** 知识库: everyone searches (by words, best matches first); the supervisor also sees drafts and writes. */
export function KnowledgeListPage() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const manager = can('knowledge:manage');
  const [typed, setTyped] = useState('');
  const [category, setCategory] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const q = useDebouncedValue(typed.trim(), 300);
  const list = useArticles({ q: q || undefined, category, status });
  const categories = useCategoryOptions();
  const categoryLabel = useCategoryLabel();
  const statusLabel = useStatusLabel();

  return (
    <>
      <PageHeader
        title={t('knowledge.title')}
        extra={
          manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/knowledge/new')} data-testid="article-new">
              {t('knowledge.new')}
            </Button>
          ) : null
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 360 }}
          placeholder={t('knowledge.search')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="knowledge-search"
        />
        <Select allowClear style={{ width: 160 }} placeholder={t('knowledge.allCategories')} options={categories} value={category} onChange={setCategory} />
        {manager ? (
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('knowledge.allStatuses')}
            value={status}
            onChange={setStatus}
            options={(['published', 'draft'] as const).map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        ) : null}
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      <Table<Article>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('knowledge.empty') }}
        data-testid="knowledge-list"
        expandable={{ expandedRowRender: (a) => <div style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</div> }}
        columns={[
          { key: 'title', title: t('knowledge.col.title'), render: (_, a) => <Link to={`/knowledge/${a.id}`}>{a.title}</Link> },
          { key: 'category', title: t('knowledge.col.category'), width: 140, render: (_, a) => <Tag>{categoryLabel(a.category)}</Tag> },
          {
            key: 'status',
            title: t('knowledge.col.status'),
            width: 100,
            render: (_, a) => <Tag color={a.status === 'published' ? 'green' : 'default'}>{statusLabel(a.status)}</Tag>,
          },
          { key: 'updated', title: t('knowledge.col.updated'), width: 170, render: (_, a) => new Date(a.updatedAt).toLocaleString() },
        ]}
      />
    </>
  );
}
