import type { CalendarConfig } from '@kefu/shared/calendar/config';
import type { CalendarDayEntry } from '@kefu/shared/calendar/schemas';
import { Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useLang } from '../../../app/i18n/language';
import { useT } from '../../../app/i18n/use-t';
import { lookOf, monthCells, type DayCell, type DayLook } from '../month-days';

const STYLE: Record<DayLook['look'], CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  workday: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  off: { color: '#8c8c8c' },
  working: { color: '#262626' },
};

/** One month of the year view: each day coloured by what it is; a click opens the day's settings. */
export function MonthGrid(props: {
  year: number;
  month: number;
  entries: Map<string, CalendarDayEntry>;
  config: CalendarConfig;
  onPick: (cell: DayCell, look: DayLook) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const title =
    lang === 'zh-CN'
      ? t('calendar.month', { month: props.month })
      : new Date(Date.UTC(props.year, props.month - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
  return (
    <div data-testid={`month-${props.month}`}>
      <Typography.Text strong>{title}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4 }}>
        {t('calendar.weekHeader')
          .split(',')
          .map((w) => (
            <div key={w} style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
              {w}
            </div>
          ))}
        {monthCells(props.year, props.month).map((cell, i) => {
          if (!cell) return <div key={`lead-${i}`} />;
          const look = lookOf(cell, props.entries.get(cell.date), props.config);
          const manual = look.entry?.source === 'manual';
          const label = [cell.date, look.name, look.look === 'workday' ? t('calendar.legend.workday') : null, manual ? t('calendar.legend.manual') : null]
            .filter(Boolean)
            .join(' · ');
          return (
            <Tooltip key={cell.date} title={label} mouseEnterDelay={0.4}>
              <button
                type="button"
                data-testid={`day-${cell.date}`}
                data-look={look.look}
                aria-label={label}
                onClick={() => props.onPick(cell, look)}
                style={{
                  ...STYLE[look.look],
                  height: 40,
                  padding: '2px 0 0',
                  border: manual ? '1px dashed #fa8c16' : '1px solid transparent',
                  borderRadius: 4,
                  cursor: 'pointer',
                  background: STYLE[look.look].background ?? 'transparent',
                  overflow: 'hidden',
                  lineHeight: 1.2,
                }}
              >
                <div style={{ fontSize: 13 }}>{cell.day}</div>
                {look.look === 'workday' ? (
                  <span style={{ fontSize: 10, color: '#fff', background: '#1677ff', borderRadius: 2, padding: '0 3px' }}>{t('calendar.work.badge')}</span>
                ) : look.name ? (
                  // two characters (国庆, 春节, 元旦) fit a cell; the full name is in the tooltip and the dialog
                  <div style={{ fontSize: 10, fontWeight: 400, whiteSpace: 'nowrap', overflow: 'hidden' }}>{[...look.name].slice(0, 2).join('')}</div>
                ) : null}
              </button>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}
