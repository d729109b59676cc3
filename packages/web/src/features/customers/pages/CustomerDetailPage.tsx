import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Spin, Tabs } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../../app/i18n/use-t';
import { useSession } from '../../auth/session';
import { CustomerCards } from '../../cards/components/CustomerCards';
import { CustomerInteractions } from '../../call-centre/components/CustomerInteractions';
import { CustomerBookings } from '../../bookings/components/CustomerBookings';
import { CustomerComplaints, RegisterComplaintButton } from '../../complaints/components/CustomerComplaints';
import { errorText, isApiError } from '../../../lib/api-error';
import { useCustomer } from '../api';
import { CustomerHeader } from '../components/CustomerHeader';
import { CustomerProfile } from '../components/CustomerProfile';
import { EditCustomerDrawer } from '../components/EditCustomerDrawer';
import { HistoryTab } from '../components/HistoryTab';
import { TimelineTab } from '../components/TimelineTab';
import type { RevealedNumbers } from '../components/RevealButton';

/** One customer: who they are, what may be done with them, and everything that happened to them. */
export function CustomerDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  const { can } = useSession();
  const [revealed, setRevealed] = useState<{ id: string; numbers: RevealedNumbers } | null>(null);
  const [editing, setEditing] = useState(false);
  const numbers = revealed?.id === id ? revealed.numbers : null;

  if (customer.isPending) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (customer.isError) {
    const notFound = isApiError(customer.error) && customer.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={errorText(customer.error)}
        extra={
          <Link to="/customers">
            <Button>{t('customer.back')}</Button>
          </Link>
        }
      />
    );
  }
  const c = customer.data;
  const readOnly = c.lifecycle === 'closed';
  return (
    <>
      <Link to="/customers" style={{ display: 'inline-block', marginBottom: 12 }}>
        <ArrowLeftOutlined /> {t('customer.back')}
      </Link>
      <CustomerHeader customer={c} numbers={numbers} onRevealed={(n) => setRevealed({ id, numbers: n })} onEdit={() => setEditing(true)} />
      {readOnly ? <Alert type="info" showIcon title={t('customer.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Card variant="borderless">
        <Tabs
          tabBarExtraContent={<RegisterComplaintButton customerId={c.id} />}
          items={[
            { key: 'profile', label: t('customer.tab.profile'), children: <CustomerProfile customer={c} numbers={numbers} /> },
            { key: 'timeline', label: <span data-testid="tab-timeline">{t('customer.tab.timeline')}</span>, children: <TimelineTab customerId={c.id} /> },
            { key: 'history', label: <span data-testid="tab-history">{t('customer.tab.history')}</span>, children: <HistoryTab customerId={c.id} /> },
            ...(can('complaint:read')
              ? [
                  {
                    key: 'complaints',
                    label: <span data-testid="tab-complaints">{t('complaints.customer.tab')}</span>,
                    children: <CustomerComplaints customerId={c.id} />,
                  },
                ]
              : []),
            ...(can('interaction:read')
              ? [
                  {
                    key: 'interactions',
                    label: <span data-testid="tab-interactions">{t('interactions.tab')}</span>,
                    children: <CustomerInteractions customerId={c.id} readOnly={readOnly} />,
                  },
                ]
              : []),
            ...(can('card:read')
              ? [
                  {
                    key: 'cards',
                    label: <span data-testid="tab-cards">{t('cards.customer.tab')}</span>,
                    children: <CustomerCards customer={c} readOnly={readOnly} />,
                  },
                ]
              : []),
            ...(can('booking:read')
              ? [
                  {
                    key: 'bookings',
                    label: <span data-testid="tab-bookings">{t('bookings.customer.tab')}</span>,
                    children: <CustomerBookings customerId={c.id} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {c.abilities.update ? <EditCustomerDrawer customer={c} numbers={numbers} open={editing} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
