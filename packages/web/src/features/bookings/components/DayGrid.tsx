import { Empty, Tooltip, Typography } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import type { DaySlot } from '../slots';

interface Props {
  slots: DaySlot[];
  capacity: number;
  canBook: boolean;
  onPick: (slot: DaySlot) => void;
}

function state(s: DaySlot): 'past' | 'closed' | 'full' | 'free' {
  if (s.past) return 'past';
  if (s.closedReason) return 'closed';
  return s.free === 0 ? 'full' : 'free';
}
const COLORS = { past: '#f5f5f5', closed: '#fff1f0', full: '#fff7e6', free: '#f6ffed' } as const;

/** A resource's day: one tile per slot with places taken of the capacity; a free or full future slot can be clicked. */
export function DayGrid({ slots, capacity, canBook, onPick }: Props) {
  const t = useT();
  if (!slots.length) return <Empty description={t('bookings.closedDay')} />;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 8 }} data-testid="day-grid">
      {slots.map((s) => {
        const st = state(s);
        const clickable = canBook && (st === 'free' || st === 'full');
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
            key={s.startsAt}
            disabled={!clickable}
            onClick={() => onPick(s)}
            data-testid={`slot-${s.label}`}
            data-state={st}
            style={{
              textAlign: 'left',
              padding: '8px 10px',
              borderRadius: 6,
              border: '1px solid #d9d9d9',
              background: COLORS[st],
              cursor: clickable ? 'pointer' : 'default',
            }}
          >
            <Typography.Text strong>{s.label}</Typography.Text>
            <br />
            <Typography.Text type={st === 'free' ? 'success' : st === 'full' ? 'warning' : 'secondary'}>{caption}</Typography.Text>
          </button>
        );
        return st === 'full' && clickable ? (
          <Tooltip key={s.startsAt} title={t('bookings.slot.fullHint')}>
            {tile}
          </Tooltip>
        ) : (
          tile
        );
      })}
    </div>
  );
}
