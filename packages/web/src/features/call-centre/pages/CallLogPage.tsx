import { DownloadOutlined } from '@ant-design/icons';
import { INTERACTION_CHANNELS, INTERACTION_DIRECTIONS, INTERACTION_OUTCOMES, type Interaction } from '@kefu/shared/interaction';
import { App, Button, Card, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { StaffSelect } from '../../customers/components/StaffSelect';
import { callLogExportUrl, useInteractions, type CallLogFilter } from '../api';
import { InteractionTable } from '../components/InteractionTable';
import { RecordInteractionDialog } from '../components/RecordInteractionDialog';
import { channelLabel, directionLabel, outcomeLabel } from '../labels';

/** 通话记录: every call, visit, chat and email in the reader's scope, filtered, paged, exported to Excel. */
export function CallLogPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<CallLogFilter>({});
  const [editing, setEditing] = useState<Interaction | null>(null);
  const list = useInteractions(filter);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (patch: CallLogFilter) => setFilter((f) => ({ ...f, ...patch }));
  const opts = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: range?.[0]?.format('YYYY-MM-DD') ?? undefined, to: range?.[1]?.format('YYYY-MM-DD') ?? undefined });

  return (
    <>
      <PageHeader
        title={t('callLog.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            data-testid="call-log-export"
            onClick={() =>
              downloadFile(callLogExportUrl(filter)).then(
                (name) => void message.success(t('callLog.exported', { name })),
                (err: unknown) => void message.error(errorText(err)),
              )
            }
          >
            {t('callLog.export')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker onChange={(r) => onRange(r as [Dayjs | null, Dayjs | null] | null)} />
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('callLog.allChannels')}
            options={opts(INTERACTION_CHANNELS, (v) => channelLabel(v, lang))}
            onChange={(v?: string) => set({ channel: v as CallLogFilter['channel'] })}
            data-testid="call-log-channel"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('callLog.allDirections')}
            options={opts(INTERACTION_DIRECTIONS, (v) => directionLabel(v, lang))}
            onChange={(v?: string) => set({ direction: v as CallLogFilter['direction'] })}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('callLog.allOutcomes')}
            options={opts(INTERACTION_OUTCOMES, (v) => outcomeLabel(v, lang))}
            onChange={(v?: string) => set({ outcome: v as CallLogFilter['outcome'] })}
          />
          <div style={{ width: 200 }}>
            <StaffSelect placeholder={t('callLog.allAgents')} onChange={(v) => set({ agentId: typeof v === 'string' ? v : undefined })} />
          </div>
        </Space>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <InteractionTable rows={rows} loading={list.isPending} showCustomer onEdit={setEditing} />
        {list.hasNextPage ? (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 8 }}>
            {t('callLog.more')}
          </Button>
        ) : null}
      </Card>
      {editing ? <RecordInteractionDialog interaction={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
