import type { CustomerListItem } from '@kefu/shared/customer';
import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useCustomerList } from '../api';

interface Props {
  value?: CustomerListItem | null;
  onChange: (c: CustomerListItem | null) => void;
  exceptId?: string;
  placeholder?: string;
}

/** Find a customer the way the list's search box does (name, pinyin, initials, phone). */
export function CustomerPicker({ value, onChange, exceptId, placeholder }: Props) {
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed.trim(), 200);
  const found = useCustomerList({ q: q || undefined });
  const items = (found.data?.pages[0]?.items ?? []).filter((c) => c.id !== exceptId);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      style={{ width: '100%' }}
      placeholder={placeholder}
      loading={found.isFetching}
      value={value?.id}
      onChange={(id: string) => onChange(items.find((c) => c.id === id) ?? null)}
      options={items.map((c) => ({ value: c.id, label: `${c.name}  ${c.mobile ?? ''}${c.ownerName ? `  · ${c.ownerName}` : ''}` }))}
      data-testid="customer-picker"
    />
  );
}
