import type { ReportPeriod } from '@kefu/shared/complaint-report';
import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/use-t';

/** Week or month, and which one: any day of the wanted week or month (the server finds its bounds). */
export function PeriodPicker({
  period,
  date,
  onChange,
}: {
  period: ReportPeriod;
  date: string | undefined;
  onChange: (period: ReportPeriod, date: string | undefined) => void;
}) {
  const t = useT();
  const value = date ? dayjs(date) : dayjs();
  // nothing is received in a week or month that has not begun
  const future = (d: Dayjs) => d.isAfter(dayjs(), period === 'week' ? 'week' : 'month');
  return (
    <Space wrap>
      <Segmented<ReportPeriod>
        value={period}
        onChange={(p) => onChange(p, date)}
        options={[
          { value: 'week', label: <span data-testid="report-period-week">{t('creport.week')}</span> },
          { value: 'month', label: <span data-testid="report-period-month">{t('creport.month')}</span> },
        ]}
      />
      <DatePicker
        picker={period}
        value={value}
        allowClear={false}
        disabledDate={future}
        onChange={(d: Dayjs | null) => onChange(period, d ? d.format('YYYY-MM-DD') : undefined)}
        data-testid="report-date"
      />
    </Space>
  );
}
