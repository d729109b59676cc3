import type { CustomerListItem } from '@kefu/shared/customer';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCustomerList } from '../../customers/api';

export interface PickedCustomer {
  id: string;
  name: string;
  mobile: string | null;
  masked: boolean;
}

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** the whole record, to fill the complainant's name and number (forms that need only the id leave it out) */
  onPick?: (c: PickedCustomer | null) => void;
  /** the customer already linked (opened from the customer's page) */
  initial: PickedCustomer | null;
  placeholder?: string;
}

const optionLabel = (c: PickedCustomer | CustomerListItem) => `${c.name}${c.mobile ? `  ${c.mobile}` : ''}`;

/** Link a customer, found the way the archive's search box finds them (name, pinyin, initials, phone). */
export function CustomerSearchSelect({ value, onChange, onPick, initial, placeholder }: Props) {
  const [typed, setTyped] = useState('');
  const [picked, setPicked] = useState<PickedCustomer | null>(initial);
  const q = useDebouncedValue(typed.trim(), 200);
  const found = useCustomerList({ q: q || undefined });
  const items = q ? (found.data?.pages[0]?.items ?? []) : [];
  const options = items.map((c) => ({ value: c.id, label: optionLabel(c) }));
  const current = picked ?? initial;
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: optionLabel(current) });

  const change = (id: string | undefined) => {
    const item = items.find((c) => c.id === id);
    const next = item ? { id: item.id, name: item.name, mobile: item.mobile, masked: item.masked } : null;
    setPicked(next);
    onChange?.(next?.id ?? null);
    onPick?.(next);
  };
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      style={{ width: '100%' }}
      placeholder={placeholder}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={change}
      notFoundContent={null}
      options={options}
      data-testid="field-customer"
    />
  );
}
