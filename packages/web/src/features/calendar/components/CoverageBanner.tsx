import type { CalendarCoverage } from '@kefu/shared/calendar/schemas';
import { Alert, Button, Space } from 'antd';
import { useT } from '../../../app/i18n/use-t';

/** This year or next year without holiday data: deadlines there follow the week alone, so say so plainly. */
export function CoverageBanner({ coverage, onOpen }: { coverage: CalendarCoverage; onOpen: (year: number) => void }) {
  const t = useT();
  if (coverage.missing.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {coverage.missing.map((year) => (
        <Alert
          key={year}
          type="warning"
          showIcon
          data-testid={`missing-${year}`}
          title={t('calendar.missing', { year })}
          description={t('calendar.missing.help')}
          action={
            <Button size="small" onClick={() => onOpen(year)} data-testid={`missing-open-${year}`}>
              {t('calendar.missing.open', { year })}
            </Button>
          }
        />
      ))}
    </Space>
  );
}
