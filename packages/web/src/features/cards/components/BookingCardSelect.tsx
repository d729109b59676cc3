import { Select } from 'antd';
import { useT } from '../../../app/i18n/use-t';
import { useCardList } from '../api';

interface Props {
  customerId: string | undefined;
  value?: string | null;
  onChange?: (v: string | null) => void;
}

/**
 * The lessons card a booking is charged to (seed 004 约课排课): the customer's active 课时卡 with its balance,
 * the lessons other bookings hold and what is still available (balance less held). Empty: not charged.
 */
export function BookingCardSelect({ customerId, value, onChange }: Props) {
  const t = useT();
  const cards = useCardList({ customerId: customerId ?? '' }, !!customerId);
  const lessons = (cards.data?.items ?? []).filter((c) => c.kind === 'lessons' && c.status === 'active' && c.customerId === customerId);
  return (
    <Select
      allowClear
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      loading={cards.isFetching}
      disabled={!customerId}
      placeholder={t(customerId && !cards.isFetching && !lessons.length ? 'cards.booking.none' : 'cards.booking.placeholder')}
      options={lessons.map((c) => ({
        value: c.id,
        label: t('cards.booking.option', { number: c.number, type: c.typeName, balance: c.balance, held: c.held, available: c.balance - c.held }),
      }))}
      data-testid="field-card"
    />
  );
}
