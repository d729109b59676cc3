import { formatDuration, type Interaction } from '@kefu/shared/interaction';
import { Button, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { channelLabel, dateTime, directionLabel, outcomeLabel } from '../labels';

/** Contacts as a table: on the customer page (no customer column) and in the call log. */
export function InteractionTable({
  rows,
  loading,
  showCustomer,
  onEdit,
}: {
  rows: Interaction[];
  loading: boolean;
  showCustomer: boolean;
  onEdit?: (i: Interaction) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Table<Interaction>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('interactions.none') }}
      data-testid="interaction-table"
      columns={[
        { title: t('interactions.col.startedAt'), dataIndex: 'startedAt', width: 120, render: (v: string) => dateTime(v, lang) },
        {
          title: t('interactions.col.channel'),
          dataIndex: 'channel',
          width: 90,
          render: (v: string, r) => `${channelLabel(v, lang)}·${directionLabel(r.direction, lang)}`,
        },
        ...(showCustomer
          ? [
              {
                title: t('interactions.col.customer'),
                dataIndex: 'customerName',
                width: 110,
                render: (v: string | null, r: Interaction) =>
                  r.customerId ? <Link to={`/customers/${r.customerId}`}>{v}</Link> : t('interactions.unknownCustomer'),
              },
              { title: t('interactions.col.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? '—' },
            ]
          : []),
        { title: t('interactions.col.agent'), dataIndex: 'agentName', width: 90, render: (v: string | null) => v ?? '—' },
        {
          title: t('interactions.col.duration'),
          dataIndex: 'durationSeconds',
          width: 80,
          render: (v: number, r) => (r.channel === 'phone' || v ? formatDuration(v) : '—'),
        },
        {
          title: t('interactions.col.outcome'),
          dataIndex: 'outcome',
          width: 90,
          render: (v: string) => <Tag color={v === 'pending' ? 'orange' : v === 'complaint' ? 'red' : 'default'}>{outcomeLabel(v, lang)}</Tag>,
        },
        {
          title: t('interactions.col.summary'),
          dataIndex: 'summary',
          render: (v: string, r) =>
            onEdit && r.abilities.update && (r.outcome === 'pending' || !v) ? (
              <Button size="small" onClick={() => onEdit(r)} data-testid="interaction-edit">
                {t('interactions.summaryTitle')}
              </Button>
            ) : (
              v || '—'
            ),
        },
      ]}
    />
  );
}
