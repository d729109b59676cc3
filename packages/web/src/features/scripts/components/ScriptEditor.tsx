import type { CustomerListItem } from '@kefu/shared/customer';
import { scriptProblems, SCRIPT_VARIABLES, SCRIPT_VARIABLE_LABELS, type Script } from '@kefu/shared/script';
import { renderScriptFor } from '@kefu/shared/script-render';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useMemo, useRef, useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { CustomerPicker } from '../../customers/components/CustomerPicker';
import { useSaveScript, useScriptContext } from '../api';
import { useMissingText } from '../labels';
import { ScriptText } from '../ScriptText';

/**
 * Editing one script with a live preview for a chosen customer: the browser renders with the same pure
 * function as the server (shared/script-render.ts) over the facts the server gives (/script-context).
 * Unknown variables are shown while typing and refused by the server on save.
 */
export function ScriptEditor({ script, editable }: { script: Script; editable: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [name, setName] = useState(script.name);
  const [body, setBody] = useState(script.body);
  const [customer, setCustomer] = useState<CustomerListItem | null>(null);
  const area = useRef<TextAreaRef>(null);
  const context = useScriptContext(customer?.id);
  const save = useSaveScript();
  const missingText = useMissingText();
  const problems = scriptProblems(body);
  const preview = useMemo(() => (context.data ? renderScriptFor(body, context.data) : null), [body, context.data]);
  const missing = preview ? missingText(preview.missing) : null;
  const dirty = name !== script.name || body !== script.body;

  const insert = (v: string) => {
    const el = area.current?.resizableTextArea?.textArea;
    const at = el?.selectionStart ?? body.length;
    const next = `${body.slice(0, at)}{${v}}${body.slice(el?.selectionEnd ?? at)}`;
    setBody(next);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" variant="borderless">
        {save.error ? <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} /> : null}
        <Form layout="vertical">
          <Form.Item label={t('scripts.name')}>
            <Input value={name} onChange={(e) => setName(e.target.value)} disabled={!editable} maxLength={50} data-testid="script-name" />
          </Form.Item>
          <Form.Item
            label={t('scripts.body')}
            validateStatus={problems.unknown.length || problems.unbalanced ? 'error' : undefined}
            help={
              problems.unknown.length
                ? t('scripts.unknownVariables', { names: problems.unknown.map((n) => `{${n}}`).join('、') })
                : problems.unbalanced
                  ? t('scripts.unbalanced')
                  : undefined
            }
          >
            <Input.TextArea
              ref={area}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              disabled={!editable}
              autoSize={{ minRows: 5, maxRows: 14 }}
              data-testid="script-body"
            />
          </Form.Item>
          {editable ? (
            <Form.Item label={t('scripts.variables')}>
              <Space wrap>
                {SCRIPT_VARIABLES.map((v) => (
                  <Tooltip key={v} title={SCRIPT_VARIABLE_LABELS[v][lang]}>
                    <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => insert(v)}>{`{${v}}`}</Tag>
                  </Tooltip>
                ))}
              </Space>
            </Form.Item>
          ) : null}
          {editable ? (
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              data-testid="script-save"
              onClick={() =>
                save.mutate({ code: script.code, body: { name, body, version: script.version } }, { onSuccess: () => void message.success(t('scripts.saved')) })
              }
            >
              {t('common.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('scripts.readOnly')}</Typography.Text>
          )}
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('scripts.meta', { version: script.version, name: script.updatedByName ?? '—', at: new Date(script.updatedAt).toLocaleString() })}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('scripts.preview')} data-testid="script-preview">
        <Form layout="vertical">
          <Form.Item label={t('scripts.previewFor')}>
            <CustomerPicker value={customer} onChange={setCustomer} />
          </Form.Item>
        </Form>
        {preview ? <ScriptText text={preview.text} /> : null}
        {missing ? <Alert type="warning" showIcon title={missing} style={{ marginTop: 8 }} /> : null}
      </Card>
    </Space>
  );
}
