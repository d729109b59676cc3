import {
  INTERACTION_CHANNELS,
  INTERACTION_DIRECTIONS,
  INTERACTION_OUTCOMES,
  interactionInputSchema,
  interactionUpdateSchema,
  type Interaction,
} from '@kefu/shared/interaction';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { parseForForm, showServerErrors } from '../../../lib/schema-form';
import { useRecordInteraction, useUpdateInteraction } from '../api';
import { channelLabel, directionLabel, outcomeLabel } from '../labels';

interface Values {
  channel: string;
  direction: string;
  startedAt: Dayjs;
  minutes: number;
  summary: string;
  outcome: string;
  recordingRef?: string;
}
const FIELDS = ['channel', 'direction', 'startedAt', 'durationSeconds', 'summary', 'outcome', 'recordingRef'] as const;

/**
 * A contact recorded by hand from the customer page (a visit, a chat, an email), or — given a call's
 * interaction — the summary and outcome of that call, by its version.
 */
export function RecordInteractionDialog({ customerId, interaction, onClose }: { customerId?: string; interaction?: Interaction; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordInteraction();
  const update = useUpdateInteraction();
  const [problem, setProblem] = useState<string | null>(null);
  const options = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));

  const submit = (v: Values) => {
    setProblem(null);
    const done = {
      onSuccess: () => {
        void message.success(t('interactions.saved'));
        onClose();
      },
      onError: (err: unknown) => setProblem(showServerErrors(form, err, FIELDS)),
    };
    if (interaction) {
      const body = parseForForm(form, interactionUpdateSchema, { summary: v.summary, outcome: v.outcome, version: interaction.version }, lang, FIELDS);
      if (body) update.mutate({ id: interaction.id, ...body }, done);
      return;
    }
    const input = {
      customerId,
      channel: v.channel,
      direction: v.direction,
      startedAt: v.startedAt?.format(),
      durationSeconds: Math.round((v.minutes ?? 0) * 60),
      summary: v.summary ?? '',
      outcome: v.outcome,
      recordingRef: v.recordingRef,
    };
    const body = parseForForm(form, interactionInputSchema, input, lang, FIELDS);
    if (body) record.mutate(body, done);
  };

  return (
    <Modal
      open
      title={interaction ? t('interactions.summaryTitle') : t('interactions.recordTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'interaction-save' } as Record<string, string>}
      destroyOnHidden
    >
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          interaction
            ? { summary: interaction.summary, outcome: interaction.outcome === 'pending' ? 'resolved' : interaction.outcome }
            : { channel: 'visit', direction: 'inbound', startedAt: dayjs(), minutes: 0, outcome: 'resolved' }
        }
      >
        {interaction ? null : (
          <>
            <Form.Item name="channel" label={t('interactions.field.channel')}>
              <Select options={options(INTERACTION_CHANNELS, (v) => channelLabel(v, lang))} data-testid="interaction-channel" />
            </Form.Item>
            <Form.Item name="direction" label={t('interactions.field.direction')}>
              <Select options={options(INTERACTION_DIRECTIONS, (v) => directionLabel(v, lang))} />
            </Form.Item>
            <Form.Item name="startedAt" label={t('interactions.field.startedAt')}>
              <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="minutes" label={t('interactions.field.minutes')} validateStatus={undefined}>
              <InputNumber min={0} max={1440} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="summary" label={t('interactions.field.summary')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="interaction-summary" />
        </Form.Item>
        <Form.Item name="outcome" label={t('interactions.field.outcome')}>
          <Select
            options={options(
              INTERACTION_OUTCOMES.filter((o) => o !== 'pending'),
              (v) => outcomeLabel(v, lang),
            )}
          />
        </Form.Item>
        {interaction ? null : (
          <Form.Item name="recordingRef" label={t('interactions.field.recording')}>
            <Input maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
