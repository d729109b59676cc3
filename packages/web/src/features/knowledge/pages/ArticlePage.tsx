import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useArticle } from '../api';
import { ArticleEditor } from '../components/ArticleEditor';
import { useCategoryLabel, useStatusLabel } from '../labels';

/** One article (/knowledge/:id), or the editor for a new one (/knowledge/new). */
export function ArticlePage() {
  const t = useT();
  const navigate = useNavigate();
  const { id } = useParams();
  const isNew = id === 'new';
  const article = useArticle(isNew ? undefined : id);
  const [editing, setEditing] = useState(false);
  const categoryLabel = useCategoryLabel();
  const statusLabel = useStatusLabel();
  const back = (
    <Link to="/knowledge">
      <ArrowLeftOutlined /> {t('knowledge.back')}
    </Link>
  );

  if (isNew) {
    return (
      <>
        <PageHeader title={t('knowledge.newTitle')}>{back}</PageHeader>
        <Card variant="borderless">
          <ArticleEditor onSaved={(a) => navigate(`/knowledge/${a.id}`, { replace: true })} onCancel={() => navigate('/knowledge')} />
        </Card>
      </>
    );
  }
  if (article.isPending) return <Spin />;
  if (article.error || !article.data) return <Result status="404" extra={<ErrorAlert error={article.error} />} />;
  const a = article.data;
  return (
    <>
      <PageHeader
        title={editing ? t('knowledge.editTitle') : a.title}
        extra={
          a.abilities.edit && !editing ? (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="article-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        {back}
      </PageHeader>
      <Card variant="borderless" data-testid="article">
        {editing ? (
          <ArticleEditor article={a} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              <Tag>{categoryLabel(a.category)}</Tag>
              <Tag color={a.status === 'published' ? 'green' : 'default'}>{statusLabel(a.status)}</Tag>
              {a.tags.map((tag) => (
                <Tag key={tag} color="blue">
                  {tag}
                </Tag>
              ))}
              {a.sourceInquiryId ? <Tag color="purple">{t('knowledge.fromInquiry')}</Tag> : null}
            </Space>
            {a.variants.length ? (
              <Typography.Paragraph type="secondary">
                {t('knowledge.variants')}：{a.variants.join(' / ')}
              </Typography.Paragraph>
            ) : null}
            <Typography.Title level={5}>{t('knowledge.answer')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="article-answer-text">
              {a.answer}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('knowledge.meta', { version: a.version, name: a.updatedBy?.name ?? '—', at: new Date(a.updatedAt).toLocaleString() })}
            </Typography.Text>
          </>
        )}
      </Card>
    </>
  );
}
