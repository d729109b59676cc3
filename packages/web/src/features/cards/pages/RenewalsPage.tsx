import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card as Panel, Tag, Typography } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../../../lib/api-client';
import { errorText } from '../../../lib/api-error';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatAmount } from '../amounts';
import { useRenewals, type RenewalItem } from '../api';
import { CardTable } from '../components/CardTable';

/**
 * 续卡提醒, the membership officer's call list (seed 004 “卡内余额已经不多了…升班”): cards at or under their
 * type's low-balance line, or expiring within the days of the card settings; exported by the server to Excel.
 */
export function RenewalsPage() {
  const t = useT();
  const list = useRenewals();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = () => {
    setExporting(true);
    downloadFile('/api/v1/cards/renewals.xlsx')
      .catch((err: unknown) => void message.error(errorText(err)))
      .finally(() => setExporting(false));
  };
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
      <Panel
        variant="borderless"
        data-testid="renewals"
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx} data-testid="renewals-export">
            {t('cards.renewals.export')}
          </Button>
        }
      >
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
