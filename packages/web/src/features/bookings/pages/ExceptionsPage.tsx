import { Card, Empty, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadMore } from '../../../components/LoadMore';
import { PageHeader } from '../../../components/PageHeader';
import { useDepartmentTimeZone, useExceptionList } from '../api';
import { ExceptionsCard } from '../components/ExceptionsCard';
import { clockText } from '../slots';

type Status = 'pending' | 'decided';

/** 例外审批 (booking:approve): every waiting illness/other request in one place, oldest first (seed 004 临时取消课: 等待领导同意). */
export function ExceptionsPage() {
  const t = useT();
  const timeZone = useDepartmentTimeZone();
  const [status, setStatus] = useState<Status>('pending');
  const list = useExceptionList(status);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('bookings.exceptions.title')}>
        <Typography.Text type="secondary">{t('bookings.exceptions.help')}</Typography.Text>
      </PageHeader>
      <Segmented<Status>
        value={status}
        onChange={setStatus}
        options={[
          { value: 'pending', label: t('bookings.exceptions.pending') },
          { value: 'decided', label: t('bookings.exceptions.decided') },
        ]}
        data-testid="exceptions-status"
      />
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      {list.isPending || !timeZone ? (
        <Spin style={{ display: 'block', marginTop: 24 }} />
      ) : rows.length ? (
        <>
          {rows.map((e) => (
            <ExceptionsCard
              key={e.id}
              booking={{ id: e.bookingId, exceptions: [e] }}
              timeZone={timeZone}
              title={
                <Link to={`/bookings/${e.bookingId}`} data-testid="exception-booking">
                  {t('bookings.exceptions.booking', {
                    number: e.bookingNumber,
                    customer: e.customerName ?? t('bookings.hiddenCustomer'),
                    resource: e.resourceName,
                    time: clockText(e.startsAt, timeZone),
                  })}
                </Link>
              }
            />
          ))}
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => void list.fetchNextPage()}
            moreText={t('common.loadMore')}
            doneText={t('common.noMore')}
          />
        </>
      ) : (
        <Card variant="borderless" style={{ marginTop: 16 }}>
          <Empty description={t(status === 'pending' ? 'bookings.exceptions.none' : 'bookings.exceptions.noneDecided')} />
        </Card>
      )}
    </>
  );
}
