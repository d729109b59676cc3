import { Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../app/i18n/use-t';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { formatAmount } from '../amounts';
import { useCardList, type Card } from '../api';

/**
 * The card a transfer goes to: the customer's own cards of the same type first; typing a number finds
 * any active card of that type (a member handing the rest of a card to another, a swap to a new card).
 */
export function TransferTargetSelect({ card, value, onChange }: { card: Card; value?: string; onChange?: (id: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const search = useDebouncedValue(q.trim(), 300);
  const own = useCardList({ customerId: card.customerId });
  const found = useCardList({ q: search }, search.length > 0);
  const byId = new Map<string, Card>();
  for (const c of [...(own.data?.items ?? []), ...(search ? (found.data?.items ?? []) : [])]) {
    if (c.id !== card.id && c.typeId === card.typeId && c.status === 'active') byId.set(c.id, c);
  }
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      data-testid="field-toCard"
      loading={own.isPending || (search.length > 0 && found.isFetching)}
      placeholder={t('cards.list.search')}
      notFoundContent={t('cards.form.toCard.none')}
      options={[...byId.values()].map((c) => ({ value: c.id, label: `${c.number} · ${c.customerName}（${formatAmount(t, c.balance, c.unit)}）` }))}
    />
  );
}
