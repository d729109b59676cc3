import { PlusOutlined } from '@ant-design/icons';
import type { Interaction } from '@kefu/shared/interaction';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/session';
import { useInteractions } from '../api';
import { InteractionTable } from './InteractionTable';
import { RecordInteractionDialog } from './RecordInteractionDialog';

/** The customer's calls, visits, chats and emails on their page; a visit or a chat is recorded here by hand. */
export function CustomerInteractions({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const t = useT();
  const { can } = useSession();
  const list = useInteractions({ customerId });
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<Interaction | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div data-testid="customer-interactions">
      {can('interaction:record') && !readOnly ? (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="interaction-record">
            {t('interactions.record')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      <InteractionTable rows={rows} loading={list.isPending} showCustomer={false} onEdit={setEditing} />
      {list.hasNextPage ? (
        <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ marginTop: 8 }}>
          {t('callLog.more')}
        </Button>
      ) : null}
      {recording ? <RecordInteractionDialog customerId={customerId} onClose={() => setRecording(false)} /> : null}
      {editing ? <RecordInteractionDialog interaction={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
