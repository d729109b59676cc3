import type { Inquiry } from '@kefu/shared/inquiry';
import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { usePromoteInquiry } from '../api';

/** The supervisor turns a good answer into a knowledge-base article (once; a second try opens the one made). */
export function PromoteDialog({ inquiry, onClose }: { inquiry: Inquiry; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const promote = usePromoteInquiry();
  const [form] = Form.useForm<{ title: string; publish: boolean }>();
  const made =
    isApiError(promote.error) && promote.error.code === 'inquiry.already_promoted' ? (promote.error.body as { articleId?: string }).articleId : undefined;

  return (
    <Modal
      open
      title={t('inquiries.promoteTitle')}
      okText={t('inquiries.promote')}
      cancelText={t('common.cancel')}
      confirmLoading={promote.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ id: 'promote-confirm' }}
    >
      {promote.error ? <Alert type="error" showIcon title={errorText(promote.error)} style={{ marginBottom: 12 }} /> : null}
      {made ? <a onClick={() => navigate(`/knowledge/${made}`)}>{t('inquiries.promoted')}</a> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ title: inquiry.question.slice(0, 100), publish: true }}
        onFinish={(v) =>
          promote.mutate(
            { id: inquiry.id, title: v.title.trim(), publish: v.publish },
            {
              onSuccess: (a) => {
                void message.success(t('inquiries.promoteDone'));
                onClose();
                navigate(`/knowledge/${a.id}`);
              },
            },
          )
        }
      >
        <Form.Item name="title" label={t('inquiries.promoteArticleTitle')} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input data-testid="promote-title" />
        </Form.Item>
        <Form.Item name="publish" valuePropName="checked">
          <Checkbox>{t('inquiries.promotePublish')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
