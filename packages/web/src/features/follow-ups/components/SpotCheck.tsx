import type { FollowUpTaskDetail } from '@kefu/shared/follow-up';
import { App, Button, Card, Descriptions, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useCheck } from '../api';
import { time } from '../labels';

/** 抽查 (seed 000 #10): the supervisor marks a record to standard or not, with a note when not. */
export function SpotCheck({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const check = useCheck(detail.task.id);
  const [note, setNote] = useState('');
  const record = detail.record;
  if (!record) return null;
  if (record.check) {
    return (
      <Card size="small" title={t('fu.record.check')} data-testid="spot-check">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('fu.record.check')}>
            <Tag color={record.check.ok ? 'green' : 'red'}>{t(record.check.ok ? 'fu.record.checkOk' : 'fu.record.checkFail')}</Tag>
            {record.check.by?.name} {time(record.check.at)}
          </Descriptions.Item>
          {record.check.note ? <Descriptions.Item label={t('fu.record.checkNote')}>{record.check.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
    );
  }
  if (!detail.abilities.supervise || detail.task.status !== 'done') return null;
  const submit = (ok: boolean) =>
    check.mutate({ ok, note: note.trim() || null, version: record.version }, { onError: (e) => void message.error(errorText(e)) });
  return (
    <Card size="small" title={t('fu.record.check')} data-testid="spot-check">
      <Input.TextArea rows={2} placeholder={t('fu.record.checkNote')} value={note} onChange={(e) => setNote(e.target.value)} style={{ marginBottom: 8 }} />
      <Space>
        <Button type="primary" onClick={() => submit(true)} loading={check.isPending}>
          {t('fu.record.checkOk')}
        </Button>
        <Button danger disabled={!note.trim()} onClick={() => submit(false)} loading={check.isPending}>
          {t('fu.record.checkFail')}
        </Button>
      </Space>
    </Card>
  );
}
