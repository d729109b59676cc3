import { GROUP_CHECKLIST_LABELS, GROUPING_MODE_LABELS, type GroupBooking, type GroupChecklistItem } from '@kefu/shared/group-booking';
import { BOOKING_STATUS_LABELS } from '@kefu/shared/booking';
import { Alert, Button, Card, Descriptions, Input, Modal, Result, Space, Spin, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT, type Translate } from '../../../app/i18n/use-t';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { isApiError } from '../../../lib/api-error';
import { useSession } from '../../auth/session';
import { useDepartmentTimeZone } from '../../bookings/api';
import { clockText } from '../../bookings/slots';
import { useGroup, useGroupSettings, useGroupStep } from '../api';
import { ChecklistCard } from '../components/ChecklistCard';
import { RosterCard } from '../components/RosterCard';
import { GroupStatusTag } from './GroupListPage';

function eventText(t: Translate, lang: 'zh-CN' | 'en', e: GroupBooking['events'][number]): string {
  const item = (v: unknown) => GROUP_CHECKLIST_LABELS[v as GroupChecklistItem]?.[lang] ?? String(v);
  switch (e.kind) {
    case 'roster':
      return t('groups.event.roster', { count: Number(e.data.count ?? 0), teams: Number(e.data.teams ?? 0) });
    case 'ticked':
    case 'unticked':
      return t(e.kind === 'ticked' ? 'groups.event.ticked' : 'groups.event.unticked', { item: item(e.data.item) });
    case 'cancelled':
      return t('groups.event.cancelled', { reason: String(e.data.reason ?? '') });
    case 'done':
      return t('groups.event.done');
    default:
      return t('groups.event.created');
  }
}

/** One group booking: who, when, the places it holds, the seed's checklist, the roster and teams, its history. */
export function GroupPage() {
  const t = useT();
  const { lang } = useLang();
  const { id = '' } = useParams();
  const { can } = useSession();
  const q = useGroup(id);
  const settings = useGroupSettings();
  const timeZone = useDepartmentTimeZone();
  const step = useGroupStep(id);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  if (q.isPending || !timeZone) return <Spin />;
  if (q.error) return isApiError(q.error) && q.error.status === 404 ? <Result status="404" title={q.error.display} /> : <ErrorAlert error={q.error} />;
  const g = q.data;
  const open = g.status === 'booked';
  const mayTake = can('booking:take');
  const begun = new Date(g.startsAt).getTime() <= new Date().getTime();

  return (
    <>
      <PageHeader
        title={t('groups.page.title', { number: g.number })}
        extra={
          mayTake && open ? (
            <Space>
              {begun ? (
                <Button onClick={() => step.mutate({ kind: 'complete', body: { version: g.version } })} data-testid="group-complete">
                  {t('groups.page.complete')}
                </Button>
              ) : null}
              <Button danger onClick={() => setCancelling(true)} data-testid="group-cancel">
                {t('groups.page.cancel')}
              </Button>
            </Space>
          ) : null
        }
      >
        <span data-testid="group-state">
          <GroupStatusTag status={g.status} />
        </span>
      </PageHeader>
      <Card variant="borderless" data-testid="group-card">
        <ErrorAlert error={step.error} />
        {g.leadWarning ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={g.leadWarning}
            description={g.leadOverrideBy ? t('groups.page.leadOverride', { name: g.leadOverrideBy }) : undefined}
            data-testid="group-lead-warning"
          />
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('groups.field.name')}>{g.name}</Descriptions.Item>
          <Descriptions.Item label={t('groups.field.organiser')}>
            <Link to={`/customers/${g.organiserId}`}>{g.organiserName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.field.contactName')}>
            {g.contactName} {g.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.field.size')}>{g.size}</Descriptions.Item>
          <Descriptions.Item label={t('groups.col.startsAt')}>
            {clockText(g.startsAt, timeZone)} – {clockText(g.endsAt, timeZone, false)}
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.field.groupingMode')}>{GROUPING_MODE_LABELS[g.groupingMode][lang]}</Descriptions.Item>
          <Descriptions.Item label={t('groups.page.holds')} span={2}>
            <Space wrap data-testid="group-holds">
              {g.holds.map((h) => (
                <Link key={h.bookingId} to={`/bookings/${h.bookingId}`}>
                  <Tag color={h.status === 'booked' ? 'blue' : 'default'}>
                    {h.resourceName} × {h.places} · {h.bookingNumber} · {BOOKING_STATUS_LABELS[h.status][lang]}
                  </Tag>
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('groups.field.notes')} span={2}>
            {g.notes || '—'}
          </Descriptions.Item>
          {g.cancelReason ? (
            <Descriptions.Item label={t('groups.page.cancelReason')} span={2}>
              {g.cancelReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <ChecklistCard
        group={g}
        timeZone={timeZone}
        editable={mayTake && g.status !== 'cancelled'}
        busy={step.isPending}
        onTick={(c, done, note) => step.mutate({ kind: 'tick', item: c.item, body: { done, note, version: c.version } })}
      />
      <RosterCard
        key={g.version}
        group={g}
        editable={mayTake && open}
        busy={step.isPending}
        perTeam={settings.data?.maxPerTeam ?? 4}
        onSave={(members, groupingMode) => step.mutate({ kind: 'roster', body: { members, groupingMode, version: g.version } })}
      />
      <Card variant="borderless" title={t('groups.page.events')} style={{ marginTop: 16 }}>
        <Timeline
          items={g.events.map((e, i) => ({
            key: i,
            children: `${clockText(e.at, timeZone)} · ${e.actor} · ${eventText(t, lang, e)}`,
          }))}
        />
      </Card>
      <Modal
        open={cancelling}
        title={t('groups.page.cancel')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'group-cancel-ok' }}
        confirmLoading={step.isPending}
        onOk={() => step.mutate({ kind: 'cancel', body: { reason: reason.trim(), version: g.version } }, { onSuccess: () => setCancelling(false) })}
      >
        <Input.TextArea rows={2} maxLength={200} placeholder={t('groups.page.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
