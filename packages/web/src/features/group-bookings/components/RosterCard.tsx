import { groupByHandicap, parseRosterText } from '@kefu/shared/group-booking-rules';
import { GROUPING_MODE_LABELS, GROUPING_MODES, type GroupBooking, type GroupingMode, type RosterMember } from '@kefu/shared/group-booking';
import { Alert, Button, Card, Input, InputNumber, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';

interface Props {
  group: GroupBooking;
  editable: boolean;
  busy: boolean;
  perTeam: number;
  onSave: (members: RosterMember[], groupingMode: GroupingMode) => void;
}

/** 团体名单及差点 and 分组: paste a list (from a message or a sheet), fix teams by hand or by handicap, save by version. */
export function RosterCard({ group, editable, busy, perTeam, onSave }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [draft, setDraft] = useState<RosterMember[] | null>(null);
  const [mode, setMode] = useState<GroupingMode>(group.groupingMode);
  const [pasted, setPasted] = useState('');
  const [skipped, setSkipped] = useState<number[]>([]);
  const members = draft ?? group.roster;
  const edit = (i: number, patch: Partial<RosterMember>) => setDraft(members.map((m, k) => (k === i ? { ...m, ...patch } : m)));

  return (
    <Card
      variant="borderless"
      title={t('groups.page.roster', { count: members.length, size: group.size })}
      style={{ marginTop: 16 }}
      data-testid="group-roster"
    >
      {editable ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea rows={3} placeholder={t('groups.page.paste')} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="roster-paste" />
          <Space wrap>
            <Button
              onClick={() => {
                const r = parseRosterText(pasted);
                setDraft([...members, ...r.members]);
                setSkipped(r.skipped);
                setPasted('');
              }}
              disabled={!pasted.trim()}
              data-testid="roster-parse"
            >
              {t('groups.page.parse')}
            </Button>
            <Radio.Group
              value={mode}
              onChange={(e) => setMode(e.target.value as GroupingMode)}
              options={GROUPING_MODES.map((m) => ({ value: m, label: GROUPING_MODE_LABELS[m][lang] }))}
            />
            <Button onClick={() => setDraft(groupByHandicap(members, perTeam))} disabled={!members.length}>
              {t('groups.page.autoGroup', { n: perTeam })}
            </Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!draft && mode === group.groupingMode}
              onClick={() => onSave(members, mode)}
              data-testid="roster-save"
            >
              {t('groups.page.saveRoster')}
            </Button>
          </Space>
          {skipped.length ? <Alert type="warning" showIcon title={t('groups.page.skipped', { lines: skipped.join('、') })} /> : null}
        </Space>
      ) : null}
      <Table<RosterMember & { key: number }>
        size="small"
        pagination={false}
        dataSource={members.map((m, key) => ({ ...m, key }))}
        locale={{ emptyText: t('groups.page.rosterEmpty') }}
        columns={[
          { title: '#', width: 50, render: (_: unknown, m) => m.key + 1 },
          { title: t('groups.page.col.name'), dataIndex: 'name' },
          { title: t('groups.page.col.phone'), dataIndex: 'phone' },
          {
            title: t('groups.page.col.handicap'),
            dataIndex: 'handicap',
            width: 110,
            render: (h: number | null, m) =>
              editable ? <InputNumber size="small" min={-10} max={54} value={h} onChange={(v) => edit(m.key, { handicap: v ?? null })} /> : (h ?? ''),
          },
          {
            title: t('groups.page.col.team'),
            dataIndex: 'team',
            width: 110,
            render: (team: number | null, m) =>
              editable ? <InputNumber size="small" min={1} max={200} value={team} onChange={(v) => edit(m.key, { team: v ?? null })} /> : (team ?? ''),
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 50,
                  render: (_: unknown, m: { key: number }) => (
                    <Button size="small" type="text" onClick={() => setDraft(members.filter((_x, k) => k !== m.key))}>
                      ×
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
