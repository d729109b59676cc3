import { articleInputSchema, type Article, type ArticleInput } from '@kefu/shared/knowledge';
import { Alert, App, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useSaveArticle } from '../api';
import { useCategoryOptions, useStatusLabel } from '../labels';

const FIELDS = ['title', 'variants', 'answer', 'category', 'tags', 'status'] as const;

/** The supervisor's editor: checked with the shared schema first; a stale version comes back as 409 and is shown. */
export function ArticleEditor({ article, onSaved, onCancel }: { article?: Article; onSaved: (a: Article) => void; onCancel: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArticleInput>();
  const save = useSaveArticle();
  const [problem, setProblem] = useState<string | null>(null);
  const categories = useCategoryOptions();
  const statusLabel = useStatusLabel();
  const initial: Partial<ArticleInput> = article
    ? { title: article.title, variants: article.variants, answer: article.answer, category: article.category, tags: article.tags, status: article.status }
    : { variants: [], tags: [], status: 'published' };

  const submit = (values: ArticleInput) => {
    setProblem(null);
    const body = parseForForm(form, articleInputSchema, values, lang, FIELDS);
    if (!body) return;
    save.mutate(
      { id: article?.id, body: article ? { ...body, version: article.version } : body },
      {
        onSuccess: (a) => {
          void message.success(t('knowledge.saved'));
          onSaved(a);
        },
        onError: (err) => setProblem(showServerErrors(form, err, FIELDS)),
      },
    );
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      onValuesChange={(c) => clearChangedFieldErrors(form, c)}
      data-testid="article-editor"
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="title" label={t('knowledge.field.title')} required>
        <Input maxLength={100} data-testid="article-title" />
      </Form.Item>
      <Form.Item name="variants" label={t('knowledge.field.variants')}>
        <Select mode="tags" open={false} suffixIcon={null} data-testid="article-variants" />
      </Form.Item>
      <Form.Item name="answer" label={t('knowledge.field.answer')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} data-testid="article-answer" />
      </Form.Item>
      <Space wrap size="large" align="start">
        <Form.Item name="category" label={t('knowledge.field.category')} required>
          <Select style={{ width: 180 }} options={categories} data-testid="article-category" />
        </Form.Item>
        <Form.Item name="tags" label={t('knowledge.field.tags')}>
          <Select mode="tags" open={false} suffixIcon={null} style={{ minWidth: 240 }} />
        </Form.Item>
        <Form.Item name="status" label={t('knowledge.field.status')}>
          <Radio.Group options={(['published', 'draft'] as const).map((s) => ({ value: s, label: statusLabel(s) }))} />
        </Form.Item>
      </Space>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="article-save">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
