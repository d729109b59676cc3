import type { SuggestedSlot } from '@kefu/shared/booking';
import { Alert, Button, Space } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { clockText } from '../slots';

/** The quieter times the server offered for a full slot (weekday mornings first); one click takes it. */
export function SuggestedSlots({ slots, timeZone, onPick }: { slots: SuggestedSlot[]; timeZone: string; onPick: (s: SuggestedSlot) => void }) {
  const t = useT();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('bookings.suggest.title')}
      description={
        slots.length === 0 ? (
          t('bookings.suggest.none')
        ) : (
          <Space wrap data-testid="booking-suggestions">
            {slots.map((s) => (
              <Button key={s.startsAt} size="small" onClick={() => onPick(s)} data-testid="booking-suggestion">
                {t('bookings.suggest.item', { time: clockText(s.startsAt, timeZone), free: s.free })}
              </Button>
            ))}
          </Space>
        )
      }
    />
  );
}
