import type { ComplaintSla } from '@kefu/shared/complaint';
import type { Lang } from '@kefu/shared/messages';

export type ClockStatus = ComplaintSla['status'];

/** "1小时20分" / "1 h 20 min": working time is counted in hours (working days have different lengths). */
export function durationText(ms: number, lang: Lang): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'zh-CN') return h ? `${h}小时${m ? `${m}分` : ''}` : `${m}分`;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/**
 * The clock as of `now`, from the server's answer read at `readAt`: the server counts working time only,
 * and so does `elapsed` (the business calendar) between two reads.
 */
export function clockAt(
  sla: ComplaintSla,
  readAt: number,
  now: number,
  elapsed: (from: number, to: number) => number,
): { status: ClockStatus; remainingMs: number | null } {
  if (sla.remainingMs === null || sla.status === 'paused' || sla.status === 'met') return { status: sla.status, remainingMs: sla.remainingMs };
  const remainingMs = sla.remainingMs - (now > readAt ? elapsed(readAt, now) : 0);
  return { status: remainingMs < 0 ? 'breached' : sla.status, remainingMs };
}

export const CLOCK_COLORS: Record<ClockStatus, string> = { on_track: '#1677ff', at_risk: '#fa8c16', breached: '#f5222d', met: '#52c41a', paused: '#8c8c8c' };
