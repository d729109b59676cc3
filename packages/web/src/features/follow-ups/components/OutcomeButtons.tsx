import { FOLLOW_UP_OUTCOMES, type FollowUpOutcomeCode, type FollowUpTaskDetail } from '@kefu/shared/follow-up';
import { App, Button, Card, DatePicker, Input, Popover, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useOutcome } from '../api';
import { outcomeLabel } from '../labels';

const KIND: Record<FollowUpOutcomeCode, 'primary' | 'default' | 'dashed'> = {
  reached: 'primary',
  no_answer: 'default',
  busy: 'default',
  invalid_number: 'default',
  call_back: 'dashed',
  refused: 'default',
};

/** The outcome buttons of one call (seed 000 #10): 成功, 未接通, 占线, 空号, 不方便 (with a time: a new task), 拒访. */
export function OutcomeButtons({ detail, onDone }: { detail: FollowUpTaskDetail; onDone: (outcome: FollowUpOutcomeCode) => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const outcome = useOutcome(detail.task.id);
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState<Dayjs | null>(dayjs().add(1, 'day').hour(10).minute(0).second(0));
  const press = (o: FollowUpOutcomeCode) =>
    outcome.mutate(
      {
        outcome: o,
        version: detail.task.version,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(o === 'call_back' && callbackAt ? { callbackAt: callbackAt.toISOString() } : {}),
      },
      {
        onSuccess: () => {
          setNote('');
          void message.success(t('fu.task.recorded', { outcome: outcomeLabel(o, lang) }));
          onDone(o);
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const button = (o: FollowUpOutcomeCode) => (
    <Button
      key={o}
      type={KIND[o]}
      danger={o === 'refused'}
      loading={outcome.isPending && outcome.variables?.outcome === o}
      onClick={o === 'call_back' ? undefined : () => press(o)}
      data-testid={`outcome-${o}`}
    >
      {outcomeLabel(o, lang)}
    </Button>
  );
  return (
    <Card size="small" title={t('fu.task.outcome')} data-testid="outcomes">
      <Typography.Paragraph type="secondary">{t('fu.task.outcomeHelp')}</Typography.Paragraph>
      <Input.TextArea
        rows={1}
        maxLength={1000}
        placeholder={t('fu.task.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        style={{ marginBottom: 12 }}
        data-testid="outcome-note"
      />
      <Space wrap>
        {FOLLOW_UP_OUTCOMES.map((o) =>
          o === 'call_back' ? (
            <Popover
              key={o}
              trigger="click"
              title={t('fu.task.callbackAt')}
              content={
                <Space direction="vertical">
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={callbackAt} onChange={setCallbackAt} data-testid="callback-at" />
                  <Button type="primary" disabled={!callbackAt} onClick={() => press('call_back')} data-testid="callback-confirm">
                    {t('fu.task.callbackConfirm')}
                  </Button>
                </Space>
              }
            >
              {button(o)}
            </Popover>
          ) : (
            button(o)
          ),
        )}
      </Space>
    </Card>
  );
}
