import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useDepartments } from '../../admin/api';

interface Props {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
}

/** Pick a department (责任部门, a transfer's receiver): every signed-in person may read the list. */
export function DepartmentSelect({ value, onChange, placeholder, testId, style }: Props) {
  const departments = useDepartments();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={departments.isPending}
      placeholder={placeholder}
      value={value ?? undefined}
      onChange={onChange}
      data-testid={testId}
      style={{ width: '100%', ...style }}
      options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
