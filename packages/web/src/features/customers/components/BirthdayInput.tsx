import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../app/i18n/use-t';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  lunar: boolean;
}

/**
 * A birthday as YYYY-MM-DD. A solar one is picked from a calendar; a lunar one is typed as lunar
 * year-month-day, because lunar days (e.g. 二月三十) do not exist on the solar calendar.
 */
export function BirthdayInput({ value, onChange, lunar }: Props) {
  const t = useT();
  if (lunar) {
    return (
      <Input
        value={value ?? ''}
        onChange={(e) => onChange?.(e.target.value || null)}
        placeholder={t('customerForm.birthday.lunarPlaceholder')}
        maxLength={10}
        data-testid="birthday-lunar"
      />
    );
  }
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      style={{ width: '100%' }}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      defaultPickerValue={dayjs().subtract(35, 'year')}
      data-testid="birthday-solar"
    />
  );
}
