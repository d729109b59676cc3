import { categorySchema, type Category } from '@kefu/shared/settings';
import { Alert, App, Form, Input, InputNumber, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useSaveCategory } from '../api';

const FIELDS = ['code', 'labelZh', 'labelEn', 'description', 'sort', 'active'];

/** Add or edit one class or tier; the code is fixed once saved, because records refer to it. */
export function CategoryDialog({ kind, category, open, onClose }: { kind: 'class' | 'tier'; category: Category | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Category>();
  const save = useSaveCategory();
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (values: Category) => {
    const body = parseForForm(form, categorySchema, { ...values, kind, code: category?.code ?? values.code?.trim() }, lang, FIELDS);
    if (!body) return;
    save.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err) => setGeneral(showServerErrors(form, err, FIELDS)),
    });
  };
  const title = `${category ? t('archiveSettings.category.edit') : t('archiveSettings.category.new')} · ${t(`archiveSettings.kind.${kind}`)}`;
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o || setGeneral(null)}
    >
      {general ? <Alert type="error" showIcon title={general} style={{ marginBottom: 12 }} /> : null}
      <Form<Category> form={form} layout="vertical" onFinish={submit} preserve={false} initialValues={category ?? { sort: 0, active: true }}>
        <Form.Item name="code" label={t('archiveSettings.category.code')} extra={t('archiveSettings.category.code.help')} required>
          <Input disabled={!!category} maxLength={32} />
        </Form.Item>
        <Form.Item name="labelZh" label={t('archiveSettings.category.labelZh')} required>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="labelEn" label={t('archiveSettings.category.labelEn')} required>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="description" label={t('archiveSettings.category.description')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item name="sort" label={t('archiveSettings.category.sort')}>
          <InputNumber min={0} max={999} />
        </Form.Item>
        <Form.Item name="active" label={t('archiveSettings.category.active')} valuePropName="checked" extra={t('archiveSettings.category.inactiveHelp')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
