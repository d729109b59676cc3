import type { Lang } from './messages';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** The steps of group bookings (`group_booking.*`) and named-room forms (`room_booking.*`) on the customer's timeline. */
export function groupRoomSummary(kind: string, data: Data, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const n = str(data.number);
  const name = str(data.name);
  switch (kind) {
    case 'group_booking.created':
      return zh ? `团体预约 ${n}（${name}，${str(data.size)} 人）已登记` : `Group booking ${n} (${name}, ${str(data.size)} people) taken`;
    case 'group_booking.cancelled':
      return zh ? `团体预约 ${n}（${name}）已取消：${str(data.reason)}` : `Group booking ${n} (${name}) cancelled: ${str(data.reason)}`;
    case 'room_booking.booked':
      return zh
        ? `冠名房预订 ${n}：${str(data.arrival)} 至 ${str(data.departure)}，${(data.rooms as string[] | undefined)?.join('、') ?? ''}`
        : `Named-room booking ${n}: ${str(data.arrival)} to ${str(data.departure)}, ${(data.rooms as string[] | undefined)?.join(', ') ?? ''}`;
    case 'room_booking.changed':
      return zh
        ? `冠名房预订 ${n} 更改为第 ${str(data.revision)} 版（${str(data.arrival)} 至 ${str(data.departure)}，确认人：${str(data.confirmedBy)}）`
        : `Named-room booking ${n} changed, revision ${str(data.revision)} (${str(data.arrival)} to ${str(data.departure)}, confirmed by ${str(data.confirmedBy)})`;
    case 'room_booking.cancelled':
      return zh ? `冠名房预订 ${n} 已取消（确认人：${str(data.confirmedBy)}）` : `Named-room booking ${n} cancelled (confirmed by ${str(data.confirmedBy)})`;
    default:
      return null;
  }
}
