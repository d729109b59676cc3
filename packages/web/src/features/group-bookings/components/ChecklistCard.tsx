import { GROUP_CHECKLIST_LABELS, type GroupBooking, type GroupChecklistEntry } from '@kefu/shared/group-booking';
import { Button, Card, Checkbox, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { clockText } from '../../bookings/slots';

interface Props {
  group: GroupBooking;
  timeZone: string;
  editable: boolean;
  busy: boolean;
  onTick: (item: GroupChecklistEntry, done: boolean, note: string) => void;
}

/** The seed's eleven steps, each ticked or open, by whom and when, with a note; a tick sends the item's version. */
export function ChecklistCard({ group, timeZone, editable, busy, onTick }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const done = group.checklist.filter((c) => c.done).length;
  return (
    <Card
      variant="borderless"
      title={t('groups.page.checklist', { done, total: group.checklist.length })}
      style={{ marginTop: 16 }}
      data-testid="group-checklist"
    >
      <List
        dataSource={group.checklist}
        renderItem={(c) => {
          const note = notes[c.item] ?? c.note;
          return (
            <List.Item data-testid={`check-${c.item}`} data-done={c.done ? 'yes' : 'no'}>
              <Space direction="vertical" style={{ width: '100%' }} size={4}>
                <Checkbox checked={c.done} disabled={!editable || busy} onChange={(e) => onTick(c, e.target.checked, note)} data-testid={`tick-${c.item}`}>
                  {GROUP_CHECKLIST_LABELS[c.item][lang]}
                </Checkbox>
                <Space wrap style={{ paddingLeft: 24 }}>
                  {editable ? (
                    <>
                      <Input
                        size="small"
                        style={{ width: 320 }}
                        placeholder={t('groups.page.note')}
                        value={note}
                        maxLength={500}
                        onChange={(e) => setNotes({ ...notes, [c.item]: e.target.value })}
                        data-testid={`note-${c.item}`}
                      />
                      {note !== c.note ? (
                        <Button size="small" disabled={busy} onClick={() => onTick(c, c.done, note)}>
                          {t('groups.page.saveNote')}
                        </Button>
                      ) : null}
                    </>
                  ) : c.note ? (
                    <Typography.Text>{c.note}</Typography.Text>
                  ) : null}
                  {c.doneBy && c.doneAt ? (
                    <Typography.Text type="secondary">{t('groups.page.tickedBy', { name: c.doneBy, at: clockText(c.doneAt, timeZone) })}</Typography.Text>
                  ) : null}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
