import { Empty, Spin, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { useTimeline } from '../api';

const KIND_COLORS: Record<string, string> = {
  'customer.created': 'green',
  'customer.lifecycle': 'orange',
  'customer.assigned': 'blue',
  'customer.merged': 'purple',
  'customer.merged_away': 'purple',
};

/** Everything that happened with the customer, newest first; the server words each line. */
export function TimelineTab({ customerId }: { customerId: string }) {
  const t = useT();
  const timeline = useTimeline(customerId);
  if (timeline.isPending) return <Spin />;
  if (timeline.isError) return <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} retryText={t('common.retry')} />;
  const events = timeline.data.pages.flatMap((p) => p.items);
  if (events.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <div data-testid="timeline">
      <Timeline
        style={{ marginTop: 8 }}
        items={events.map((e) => ({
          key: e.id,
          color: KIND_COLORS[e.kind] ?? 'gray',
          content: (
            <div data-testid="timeline-event">
              <div>{e.summary}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
            </div>
          ),
        }))}
      />
      <LoadMore
        hasMore={!!timeline.hasNextPage}
        loading={timeline.isFetchingNextPage}
        onLoad={() => void timeline.fetchNextPage()}
        moreText={t('common.loadMore')}
        doneText={t('common.noMore')}
      />
    </div>
  );
}
