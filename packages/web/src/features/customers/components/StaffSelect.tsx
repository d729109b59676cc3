import { Select } from 'antd';
import { useLang } from '../../../app/i18n/language';
import { roleLabel } from '../../../app/layout/UserMenu';
import { useStaff } from '../api';

interface Props {
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  /** only people who can own customers by role (agents, supervisors…); all staff otherwise */
  roles?: string[];
  placeholder?: string;
  testId?: string;
}

/** Pick one or more members of staff (owners, agents), searchable by name or agent number. */
export function StaffSelect({ value, onChange, multiple, roles, placeholder, testId }: Props) {
  const { lang } = useLang();
  const staff = useStaff();
  const people = (staff.data ?? []).filter((s) => !roles || s.roles.some((r) => roles.includes(r)));
  return (
    <Select
      allowClear
      mode={multiple ? 'multiple' : undefined}
      loading={staff.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      data-testid={testId}
      style={{ width: '100%' }}
      options={people.map((s) => ({
        value: s.id,
        label: `${s.displayName}${s.agentNo ? `（${s.agentNo}）` : ''} · ${s.roles.map((r) => roleLabel(r, lang)).join('、')}`,
      }))}
    />
  );
}
