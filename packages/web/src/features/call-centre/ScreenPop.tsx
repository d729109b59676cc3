import { PhoneOutlined } from '@ant-design/icons';
import type { CallSignal } from '@kefu/shared/telephony';
import { Alert, Button, Drawer, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n/use-t';
import { useSession } from '../auth/session';
import { InquiryPanel } from '../inquiries/InquiryPanel';
import { useCallCard, useInteraction } from './api';
import { CallCardView } from './components/CallCardView';
import { NewCallerForm } from './components/NewCallerForm';
import { RecordInteractionDialog } from './components/RecordInteractionDialog';

const STATE_COLOR: Record<string, string> = { ringing: 'orange', answered: 'green', ended: 'default', dialing: 'blue' };

/**
 * The screen pop (弹窗): the app shell holds one event stream per signed-in agent; when the PBX rings
 * their extension, a drawer shows the caller's card over whatever page is open. The stream carries ids
 * only; the card is fetched. EventSource reconnects by itself, and the server sends the current call
 * first on every connection, so a pop missed while the connection was down still shows. An unknown
 * number opens the new-customer form in the drawer by itself, the number filled in; the agent may
 * close it (暂不建档) and open it again (新建客户).
 */
export function ScreenPop() {
  const t = useT();
  const { can } = useSession();
  const navigate = useNavigate();
  const [signal, setSignal] = useState<CallSignal | null>(null);
  const [open, setOpen] = useState(false);
  const [recording, setRecording] = useState(false);
  /** the call whose new-customer form the agent closed */
  const [formClosedFor, setFormClosedFor] = useState<string | null>(null);
  /** the server has greeted this connection (its `current` event): from now on a ring reaches this page */
  const [listening, setListening] = useState(false);
  const card = useCallCard(signal?.callId ?? null, signal?.state ?? null);
  const interaction = useInteraction(recording ? (card.data?.call.interactionId ?? null) : null);

  useEffect(() => {
    const source = new EventSource('/api/v1/telephony/stream', { withCredentials: true });
    const take = (data: string, fresh: boolean) => {
      const s = JSON.parse(data) as CallSignal | null;
      if (!s) return;
      setSignal((prev) => {
        // a new call opens the pop; a later state of the same call updates it without reopening a closed one
        if (!prev || prev.callId !== s.callId) setOpen(fresh || s.state !== 'ended');
        return s;
      });
    };
    source.addEventListener('call', (e) => take((e as MessageEvent<string>).data, true));
    source.addEventListener('current', (e) => {
      setListening(true);
      take((e as MessageEvent<string>).data, false);
    });
    source.addEventListener('error', () => setListening(false));
    return () => source.close();
  }, []);

  const data = card.data;
  const state = data?.call.state ?? signal?.state ?? 'ringing';
  const customer = data?.customer ?? null;
  const unknownCaller = Boolean(data && !customer && can('customer:create'));
  const formOpen = unknownCaller && formClosedFor !== data?.call.callId;
  return (
    <>
      <span hidden data-testid="pop-stream" data-listening={listening} />
      <Drawer
        open={open && Boolean(signal)}
        onClose={() => setOpen(false)}
        mask={false}
        size={420}
        placement="right"
        data-testid="screen-pop"
        title={
          <Space>
            <PhoneOutlined />
            <span>{data?.call.direction === 'outbound' ? t('pop.outbound') : t(`pop.${state}` as 'pop.ringing')}</span>
            <Tag color={STATE_COLOR[state]}>{data?.call.number ?? ''}</Tag>
          </Space>
        }
        extra={
          <Space>
            {customer?.canOpen ? (
              <Button type="primary" onClick={() => void navigate(`/customers/${customer.id}`)} data-testid="pop-open-customer">
                {t('pop.openCustomer')}
              </Button>
            ) : null}
            {unknownCaller && !formOpen ? (
              <Button type="primary" onClick={() => setFormClosedFor(null)} data-testid="pop-new-customer">
                {t('pop.newCustomer')}
              </Button>
            ) : null}
            {can('interaction:record') ? (
              <Tooltip title={data?.call.interactionId ? null : t('pop.recordAfter')}>
                <Button disabled={!data?.call.interactionId} onClick={() => setRecording(true)} data-testid="pop-record">
                  {t('pop.record')}
                </Button>
              </Tooltip>
            ) : null}
          </Space>
        }
      >
        {card.isPending ? <Spin /> : null}
        {card.error ? <Alert type="error" showIcon title={card.error.message} /> : null}
        {data && !customer ? <Alert type="warning" showIcon title={t('pop.unknown')} description={t('pop.unknownHint')} data-testid="pop-unknown" /> : null}
        {data && formOpen ? (
          <NewCallerForm key={data.call.callId} callId={data.call.callId} number={data.newCustomerMobile} onClose={() => setFormClosedFor(data.call.callId)} />
        ) : null}
        {data ? <CallCardView card={data} /> : null}
        {data && can('inquiry:record') ? (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>{t('pop.inquiry')}</Typography.Text>
            <InquiryPanel {...(customer ? { customerId: customer.id } : {})} {...(data.call.interactionId ? { interactionId: data.call.interactionId } : {})} />
          </div>
        ) : null}
      </Drawer>
      {recording && interaction.data ? <RecordInteractionDialog interaction={interaction.data} onClose={() => setRecording(false)} /> : null}
    </>
  );
}
