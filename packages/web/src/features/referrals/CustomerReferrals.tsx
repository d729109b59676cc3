import type { Referral } from '@kefu/shared/referral';
import { REFERRAL_STATUS_LABELS } from '@kefu/shared/referral';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useLang } from '../../app/i18n/language';
import { useT } from '../../app/i18n/use-t';
import { api } from '../../lib/api-client';

/** On the customer's page (the cards tab): who brought this customer, and whom they brought (转介绍). */
export function CustomerReferrals({ customerId }: { customerId: string }) {
  const t = useT();
  const { lang } = useLang();
  const q = useQuery({
    queryKey: ['referrals', 'customer', customerId],
    queryFn: () => api.get<{ referredBy: Referral | null; referred: Referral[] }>(`/api/v1/customers/${customerId}/referrals`),
  });
  if (!q.data) return null;
  const tag = (r: Referral) => <Tag>{REFERRAL_STATUS_LABELS[r.status][lang]}</Tag>;
  return (
    <Descriptions size="small" column={1} style={{ marginTop: 16 }} data-testid="customer-referrals" title={t('ref.title')}>
      <Descriptions.Item label={t('ref.referredBy')}>
        {q.data.referredBy ? (
          <Space>
            <Link to={`/customers/${q.data.referredBy.referrerId}`}>{q.data.referredBy.referrerName}</Link>
            {q.data.referredBy.referredOn}
            {tag(q.data.referredBy)}
          </Space>
        ) : (
          t('ref.none')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ref.brought')}>
        {q.data.referred.length ? (
          <Space wrap>
            {q.data.referred.map((r) => (
              <Space key={r.id} size={4}>
                <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link>
                {tag(r)}
              </Space>
            ))}
          </Space>
        ) : (
          t('ref.none')
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
