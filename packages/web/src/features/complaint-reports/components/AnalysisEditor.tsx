import type { RootCause } from '@kefu/shared/complaint-report';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { errorText, isApiError } from '../../../lib/api-error';
import { useRootCause, useSaveRootCause } from '../api';

/**
 * The officer's analysis of the month. The text is saved on the version it was written on: when a
 * colleague saved first (409), the writer keeps their text, sees the newer one, and chooses.
 * Keyed by month by its page, so a new month starts from that month's saved text.
 */
export function AnalysisEditor({ saved, disabled }: { saved: RootCause; disabled: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const save = useSaveRootCause(saved.month);
  const latest = useRootCause(saved.month);
  const [text, setText] = useState(saved.analysis);
  const [base, setBase] = useState<{ version: number; analysis: string }>({ version: saved.version, analysis: saved.analysis });
  const [theirs, setTheirs] = useState<RootCause | null>(null);
  const dirty = text.trim() !== base.analysis;

  const submit = (version: number) =>
    save.mutate(
      { analysis: text, version },
      {
        onSuccess: (r) => {
          setBase({ version: r.version, analysis: r.analysis });
          setText(r.analysis);
          setTheirs(null);
          void message.success(t('rootcause.saved'));
        },
        onError: async (e) => {
          if (isApiError(e) && e.status === 409) {
            const fresh = await latest.refetch();
            if (fresh.data) setTheirs(fresh.data);
          } else void message.error(errorText(e));
        },
      },
    );
  const who = theirs ?? saved;

  return (
    <Card title={t('rootcause.analysis')} size="small" variant="borderless" data-testid="root-cause-editor">
      {theirs ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="root-cause-conflict"
          title={t('rootcause.conflictTitle')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>{t('rootcause.conflictBody')}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('rootcause.theirs', { name: theirs.updatedBy?.name ?? '' })}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fffbe6', padding: 8, marginTop: 4 }}>{theirs.analysis}</Typography.Paragraph>
              <Space wrap>
                <Button
                  size="small"
                  onClick={() => {
                    setText(theirs.analysis);
                    setBase({ version: theirs.version, analysis: theirs.analysis });
                    setTheirs(null);
                  }}
                >
                  {t('rootcause.useTheirs')}
                </Button>
                <Button size="small" type="primary" danger loading={save.isPending} onClick={() => submit(theirs.version)} data-testid="root-cause-keep-mine">
                  {t('rootcause.keepMine')}
                </Button>
              </Space>
            </>
          }
        />
      ) : null}
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 12, maxRows: 30 }}
        maxLength={20000}
        showCount
        disabled={disabled}
        placeholder={t('rootcause.placeholder')}
        data-testid="root-cause-text"
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 16, gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {disabled
            ? t('rootcause.futureMonth')
            : dirty
              ? t('rootcause.unsaved')
              : who.updatedAt
                ? t('rootcause.lastSaved', { name: who.updatedBy?.name ?? '', at: dayjs(who.updatedAt).format('YYYY-MM-DD HH:mm') })
                : t('rootcause.notYet')}
        </Typography.Text>
        <Button
          type="primary"
          disabled={disabled || !dirty || !!theirs}
          loading={save.isPending && !theirs}
          onClick={() => submit(base.version)}
          data-testid="root-cause-save"
        >
          {t('common.save')}
        </Button>
      </div>
    </Card>
  );
}
