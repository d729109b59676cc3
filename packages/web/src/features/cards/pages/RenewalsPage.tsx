import { Card as Panel, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatAmount } from '../amounts';
import { useRenewals, type RenewalItem } from '../api';
import { CardTable } from '../components/CardTable';

/**
 * 续卡提醒, the membership officer's call list (seed 004 “卡内余额已经不多了…升班”): cards at or under their
 * type's low-balance line, or expiring within the days of the card settings. The server offers no export
 * of this list yet, so there is none here (an export made up in the browser would not be the department's record).
 */
export function RenewalsPage() {
  const t = useT();
  const list = useRenewals();
  const reason = (c: RenewalItem) =>
    c.reason === 'low_balance' ? (
      <Tag color="orange">{t('cards.renewals.low_balance', { threshold: formatAmount(t, c.threshold, c.unit) })}</Tag>
    ) : (
      <Tag color="blue">{t('cards.renewals.expiring')}</Tag>
    );
  return (
    <>
      <PageHeader title={t('cards.renewals.title')}>
        <Typography.Text type="secondary">{t('cards.renewals.help')}</Typography.Text>
      </PageHeader>
      <Panel variant="borderless" data-testid="renewals">
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
        <CardTable<RenewalItem>
          cards={list.data?.items ?? []}
          loading={list.isPending}
          emptyText={t('cards.renewals.empty')}
          extra={{ title: t('cards.renewals.reason'), render: reason }}
        />
      </Panel>
    </>
  );
}
