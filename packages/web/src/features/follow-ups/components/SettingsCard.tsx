import type { FollowUpSettings } from '@kefu/shared/follow-up';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useFollowUpSettings, useSaveFollowUpSettings } from '../api';

const TARGETS = ['satisfactionSuccess', 'maintenanceSuccess', 'compliance', 'coverage', 'maintenanceInvitation', 'firstServiceInvitation'] as const;

/** The attempt limit and the KPI targets (seed 000 defaults), a setting of the manager's. */
export function SettingsCard() {
  const current = useFollowUpSettings();
  return current.data ? <SettingsForm key={JSON.stringify(current.data)} saved={current.data} /> : null;
}

function SettingsForm({ saved }: { saved: FollowUpSettings }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveFollowUpSettings();
  const [draft, setDraft] = useState<FollowUpSettings>(saved);
  return (
    <Card variant="borderless" title={t('fu.stats.settings')} data-testid="follow-up-settings">
      <Form layout="inline">
        <Space wrap>
          <Form.Item label={t('fu.settings.maxAttempts')}>
            <InputNumber min={1} max={20} value={draft.maxAttempts} onChange={(v) => setDraft({ ...draft, maxAttempts: v ?? 1 })} />
          </Form.Item>
          {TARGETS.map((k) => (
            <Form.Item key={k} label={t(`fu.settings.${k}`)}>
              <InputNumber
                min={0}
                max={100}
                value={Math.round(draft.targets[k] * 1000) / 10}
                onChange={(v) => setDraft({ ...draft, targets: { ...draft.targets, [k]: (v ?? 0) / 100 } })}
              />
            </Form.Item>
          ))}
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => save.mutate(draft, { onSuccess: () => void message.success(t('fu.stats.saved')), onError: (e) => void message.error(errorText(e)) })}
          >
            {t('fu.record.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
