import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/session';
import { useCardList } from '../api';
import { CardTable } from './CardTable';
import { IssueCardDialog } from './IssueCardDialog';
import { CustomerReferrals } from '../../referrals/CustomerReferrals';

/** The customer's member cards on their page, 开卡 for whoever may issue cards, and who referred whom (转介绍). */
export function CustomerCards({ customer, readOnly }: { customer: { id: string; name: string }; readOnly: boolean }) {
  const t = useT();
  const { can } = useSession();
  const list = useCardList({ customerId: customer.id });
  const [issuing, setIssuing] = useState(false);
  return (
    <div data-testid="customer-cards">
      {can('card:issue') && !readOnly ? (
        <div style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="card-issue">
            {t('cards.issue')}
          </Button>
        </div>
      ) : null}
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} retryText={t('common.retry')} />
      <CardTable cards={list.data?.items ?? []} loading={list.isPending} emptyText={t('cards.customer.none')} showCustomer={false} />
      {can('referral:read') ? <CustomerReferrals customerId={customer.id} /> : null}
      {issuing ? <IssueCardDialog customer={customer} onClose={() => setIssuing(false)} /> : null}
    </div>
  );
}
