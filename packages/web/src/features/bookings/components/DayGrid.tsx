import type { Booking } from '@kefu/shared/booking';
import { Empty, Tooltip, Typography } from 'antd';
import { useState, type DragEvent } from 'react';
import { useT } from '../../../app/i18n/use-t';
import type { DaySlot } from '../slots';

interface Props {
  slots: DaySlot[];
  capacity: number;
  canBook: boolean;
  onPick: (slot: DaySlot) => void;
  /** a booking dropped on another slot (drag to move); the server decides, the grid follows its data */
  onMove?: (booking: Booking, slot: DaySlot) => void;
}

function state(s: DaySlot): 'past' | 'closed' | 'full' | 'free' {
  if (s.past) return 'past';
  if (s.closedReason) return 'closed';
  return s.free === 0 ? 'full' : 'free';
}
const COLORS = { past: '#f5f5f5', closed: '#fff1f0', full: '#fff7e6', free: '#f6ffed' } as const;
const DRAG_TYPE = 'application/x-kefu-booking';

/**
 * A resource's day: one tile per slot with places taken of the capacity; a free or full future slot can be
 * clicked. Each live booking is a chip under its slot that can be dragged onto another slot (native HTML5
 * drag and drop): the move goes to the server under the same rules as any move; a refusal leaves the chip
 * where the data says it is.
 */
export function DayGrid({ slots, capacity, canBook, onPick, onMove }: Props) {
  const t = useT();
  const [over, setOver] = useState<string | null>(null);
  if (!slots.length) return <Empty description={t('bookings.closedDay')} />;
  const all = new Map(slots.flatMap((s) => s.bookings.map((b) => [b.id, b] as const)));
  const canDrag = canBook && !!onMove;

  const drop = (s: DaySlot) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const booking = all.get(e.dataTransfer.getData(DRAG_TYPE));
    if (booking && onMove && booking.startsAt !== s.startsAt) onMove(booking, s);
  };

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }} data-testid="day-grid">
      {slots.map((s) => {
        const st = state(s);
        const clickable = canBook && (st === 'free' || st === 'full');
        const target = canDrag && st !== 'past' && st !== 'closed';
        const caption =
          st === 'past'
            ? t('bookings.slot.past')
            : st === 'closed'
              ? t('bookings.slot.closed', { reason: s.closedReason ?? '' })
              : st === 'full'
                ? t('bookings.slot.full')
                : t('bookings.slot.free', { taken: s.taken, capacity });
        const tile = (
          <button
            type="button"
            disabled={!clickable}
            onClick={() => onPick(s)}
            data-testid={`slot-${s.label}`}
            data-state={st}
            style={{
              width: '100%',
              textAlign: 'left',
              padding: '8px 10px',
              borderRadius: 6,
              border: over === s.startsAt ? '2px dashed #1677ff' : '1px solid #d9d9d9',
              background: COLORS[st],
              cursor: clickable ? 'pointer' : 'default',
            }}
          >
            <Typography.Text strong>{s.label}</Typography.Text>
            <br />
            <Typography.Text type={st === 'free' ? 'success' : st === 'full' ? 'warning' : 'secondary'}>{caption}</Typography.Text>
          </button>
        );
        // a booking starting in this slot is shown (and dragged) from here
        const chips = s.bookings.filter(
          (b) => b.status === 'booked' && Date.parse(b.startsAt) >= Date.parse(s.startsAt) && Date.parse(b.startsAt) < Date.parse(s.endsAt),
        );
        return (
          <div
            key={s.startsAt}
            data-testid={`drop-${s.label}`}
            onDragOver={target ? (e) => (e.preventDefault(), setOver(s.startsAt)) : undefined}
            onDragLeave={() => setOver((o) => (o === s.startsAt ? null : o))}
            onDrop={target ? drop(s) : undefined}
          >
            {st === 'full' && clickable ? <Tooltip title={t('bookings.slot.fullHint')}>{tile}</Tooltip> : tile}
            {chips.map((b) => (
              <div
                key={b.id}
                draggable={canDrag && !s.past}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_TYPE, b.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                data-testid={`booking-chip-${b.number}`}
                title={canDrag ? t('bookings.drag.hint') : undefined}
                style={{
                  marginTop: 4,
                  padding: '2px 8px',
                  borderRadius: 4,
                  background: '#e6f4ff',
                  border: '1px solid #91caff',
                  fontSize: 12,
                  cursor: canDrag && !s.past ? 'grab' : 'default',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
              >
                {b.customerName ?? t('bookings.hiddenCustomer')} · {b.number.slice(-4)}
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
