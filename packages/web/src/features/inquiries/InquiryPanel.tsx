import { inquiryCreateSchema, type InquiryCategory } from '@kefu/shared/inquiry';
import type { Suggestion } from '@kefu/shared/knowledge';
import { Alert, App, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { clearChangedFieldErrors } from '../../lib/form-errors';
import { parseForForm, showServerErrors } from '../../lib/schema-form';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useSession } from '../auth/session';
import { useSuggestions } from '../knowledge/api';
import { useCategoryLabel, useCategoryOptions } from '../knowledge/labels';
import { useRecordInquiry } from './api';

interface Values {
  question: string;
  answer: string;
  category?: InquiryCategory;
}
const FIELDS = ['question', 'answer', 'category'] as const;

/**
 * The inquiry form of the call screen (咨询): while the agent types the caller's question, published
 * knowledge-base answers are suggested (a debounced search by words); one click puts an answer into
 * the form. Without a customer the inquiry is an anonymous caller's.
 */
export function InquiryPanel({ customerId, interactionId, onSaved }: { customerId?: string; interactionId?: string; onSaved?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { can } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordInquiry();
  const [problem, setProblem] = useState<string | null>(null);
  const [used, setUsed] = useState<Suggestion | null>(null);
  const question = Form.useWatch('question', form) ?? '';
  const q = useDebouncedValue(question.trim(), 300);
  const readsKnowledge = can('knowledge:read');
  const suggestions = useSuggestions(readsKnowledge ? q : '');
  const categories = useCategoryOptions();
  const categoryLabel = useCategoryLabel();

  const takeAnswer = (s: Suggestion) => {
    form.setFieldsValue({ answer: s.answer, category: form.getFieldValue('category') ?? s.category });
    setUsed(s);
  };

  const submit = (values: Values) => {
    setProblem(null);
    const input = { ...values, customerId: customerId ?? null, interactionId: interactionId ?? null, articleId: used?.id ?? null };
    const body = parseForForm(form, inquiryCreateSchema, input, lang, FIELDS);
    if (!body) return;
    record.mutate(body, {
      onSuccess: () => {
        void message.success(t('inquiries.saved'));
        form.resetFields();
        setUsed(null);
        onSaved?.();
      },
      onError: (err) => setProblem(showServerErrors(form, err, FIELDS)),
    });
  };

  const items = suggestions.data?.items ?? [];
  return (
    <Card size="small" title={t('inquiries.panel')} data-testid="inquiry-panel">
      <Form form={form} layout="vertical" onFinish={submit} onValuesChange={(c) => clearChangedFieldErrors(form, c)}>
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="question" label={t('inquiries.question')} extra={readsKnowledge ? t('inquiries.questionHint') : undefined} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} data-testid="inquiry-question" />
        </Form.Item>
        {readsKnowledge && q.length >= 2 ? (
          <div style={{ marginBottom: 16 }} data-testid="inquiry-suggestions">
            <Typography.Text type="secondary">{t('inquiries.suggestions')}</Typography.Text>
            {items.length ? (
              <List
                size="small"
                dataSource={items}
                renderItem={(s) => (
                  <List.Item
                    data-testid="inquiry-suggestion"
                    actions={[
                      <Button
                        key="use"
                        size="small"
                        type={used?.id === s.id ? 'primary' : 'default'}
                        onClick={() => takeAnswer(s)}
                        data-testid="inquiry-use-answer"
                      >
                        {t('inquiries.useAnswer')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={
                        <Space size={4}>
                          {s.title}
                          <Tag>{categoryLabel(s.category)}</Tag>
                        </Space>
                      }
                      description={
                        <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                          {s.answer}
                        </Typography.Paragraph>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : suggestions.isFetching ? null : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inquiries.noSuggestion')} style={{ margin: 4 }} />
            )}
          </div>
        ) : null}
        <Form.Item name="answer" label={t('inquiries.answer')} extra={used ? t('inquiries.usingArticle', { title: used.title }) : undefined}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid="inquiry-answer" />
        </Form.Item>
        <Form.Item name="category" label={t('inquiries.category')} required>
          <Select style={{ width: 200 }} options={categories} data-testid="inquiry-category" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="inquiry-save">
          {t('inquiries.save')}
        </Button>
      </Form>
    </Card>
  );
}
