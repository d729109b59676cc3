import type { FollowUpTaskDetail } from '@kefu/shared/follow-up';
import { App, Button, Card, Form, Input, Radio, Rate, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { errorText } from '../../../lib/api-error';
import { useSaveRecord } from '../api';
import { IssueActions } from './IssueActions';

interface Draft {
  satisfaction: number | null;
  opinions: string;
  hasIssue: boolean;
  issuesFound: string;
  invited: boolean | null;
}
const draftOf = (d: FollowUpTaskDetail): Draft => ({
  satisfaction: d.record?.satisfaction ?? null,
  opinions: d.record?.opinions ?? '',
  hasIssue: d.record?.hasIssue ?? false,
  issuesFound: d.record?.issuesFound ?? '',
  invited: d.record?.invited ?? null,
});

/** 回访记录表 (seed 000 #10): satisfaction, opinions, issues found; saved before a reached task can close. */
export function RecordForm({ detail }: { detail: FollowUpTaskDetail }) {
  // a saved record (a new version) starts the form again from what the server holds
  return <RecordFormBody key={detail.record?.version ?? 0} detail={detail} />;
}

function RecordFormBody({ detail }: { detail: FollowUpTaskDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveRecord(detail.task.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(detail));
  const editable = detail.abilities.work;
  const record = detail.record;
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const submit = () =>
    save.mutate(
      {
        satisfaction: draft.satisfaction,
        opinions: draft.opinions.trim() || null,
        hasIssue: draft.hasIssue,
        issuesFound: draft.hasIssue ? draft.issuesFound.trim() || null : null,
        invited: draft.invited,
        ...(record ? { version: record.version } : {}),
      },
      { onSuccess: () => void message.success(t('fu.record.saved')), onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Card
      size="small"
      title={t('fu.record.title')}
      data-testid="record-form"
      extra={record ? <Tag color={record.complete ? 'green' : 'orange'}>{t(record.complete ? 'fu.record.complete' : 'fu.record.incomplete')}</Tag> : null}
    >
      <Form layout="vertical" disabled={!editable}>
        <Form.Item label={t('fu.record.satisfaction')} required>
          <Rate value={draft.satisfaction ?? 0} onChange={(v) => set({ satisfaction: v || null })} data-testid="record-satisfaction" />
        </Form.Item>
        <Form.Item label={t('fu.record.opinions')} required>
          <Input.TextArea rows={2} maxLength={1000} value={draft.opinions} onChange={(e) => set({ opinions: e.target.value })} data-testid="record-opinions" />
        </Form.Item>
        <Form.Item label={t('fu.record.hasIssue')}>
          <Switch checked={draft.hasIssue} onChange={(v) => set({ hasIssue: v })} data-testid="record-has-issue" />
        </Form.Item>
        {draft.hasIssue ? (
          <Form.Item label={t('fu.record.issuesFound')} required>
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={draft.issuesFound}
              onChange={(e) => set({ issuesFound: e.target.value })}
              data-testid="record-issues"
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('fu.record.invited')}>
          <Radio.Group
            value={draft.invited === null ? 'na' : draft.invited ? 'yes' : 'no'}
            onChange={(e) => set({ invited: e.target.value === 'na' ? null : e.target.value === 'yes' })}
            options={[
              { value: 'na', label: t('fu.record.invited.na') },
              { value: 'yes', label: t('fu.record.invited.yes') },
              { value: 'no', label: t('fu.record.invited.no') },
            ]}
          />
        </Form.Item>
        {editable ? (
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="record-save">
            {t('fu.record.save')}
          </Button>
        ) : null}
      </Form>
      {record?.complaint ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {t('fu.record.linked')}
          <Link to={`/complaints/${record.complaint.id}`}>{record.complaint.number}</Link>
          {record.transferDepartment ? <Tag style={{ marginLeft: 8 }}>{t('fu.record.transferred', { department: record.transferDepartment })}</Tag> : null}
        </Typography.Paragraph>
      ) : record?.hasIssue && record.issuesFound ? (
        <Space style={{ marginTop: 12 }}>
          <IssueActions detail={detail} />
        </Space>
      ) : null}
    </Card>
  );
}
