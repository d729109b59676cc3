import { BOOKING_CHANNEL_LABELS, type BookingChannel } from './booking';
import type { Lang } from './messages';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * When, as people say it: 10月9日 10:00 / 9 Oct 10:00. The bookings module writes the wall-clock time in
 * the department's zone (`local`, 'YYYY-MM-DD HH:MM'); older lines without it are read in Shanghai's.
 */
function when(iso: unknown, lang: Lang, local?: unknown): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(str(local));
  if (m) {
    const [, , month, day, time] = m;
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return lang === 'zh-CN' ? `${Number(month)}月${Number(day)}日 ${time}` : `${Number(day)} ${months[Number(month) - 1]} ${time}`;
  }
  const at = new Date(str(iso));
  if (Number.isNaN(at.getTime())) return '';
  return new Intl.DateTimeFormat(lang === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The steps of a booking (kinds `booking.*`, written by the bookings module) on the customer's timeline. */
export function bookingSummary(step: string, data: Data, lang: Lang): string | null {
  const zh = lang === 'zh-CN';
  const what = zh
    ? `预约 ${str(data.number)}（${str(data.resource)}，${when(data.startsAt, lang, data.local)}）`
    : `Booking ${str(data.number)} (${str(data.resource)}, ${when(data.startsAt, lang, data.local)})`;
  const via = BOOKING_CHANNEL_LABELS[(data.via ?? data.channel) as BookingChannel]?.[lang] ?? '';
  switch (step) {
    case 'booked':
      return zh ? `${what}已登记，渠道：${via}` : `${what} taken by ${via.toLowerCase()}`;
    case 'cancelled':
      return zh ? `${what}已取消（${via}）` : `${what} cancelled (${via.toLowerCase()})`;
    case 'moved':
      return zh ? `${what}已改期，原时间 ${when(data.from, lang, data.fromLocal)}` : `${what} moved from ${when(data.from, lang, data.fromLocal)}`;
    case 'attended':
      return zh ? `${what}已到` : `${what}: attended`;
    case 'no_show':
      return zh ? `${what}旷课/未到` : `${what}: no-show`;
    case 'exception_requested':
      return zh
        ? `${what}提交了例外申请（${data.reason === 'illness' ? '生病' : '其他'}）`
        : `${what}: exception requested (${data.reason === 'illness' ? 'illness' : 'other'})`;
    case 'exception_approved':
      return zh ? `${what}例外申请已批准，取消且不扣课时` : `${what}: exception approved, cancelled without charge`;
    case 'exception_rejected':
      return zh ? `${what}例外申请未批准` : `${what}: exception refused`;
    case 'waitlisted':
      return zh
        ? `${str(data.resource)} ${when(data.startsAt, lang, data.local)} 已满，已加入候补`
        : `Waiting for ${str(data.resource)}, ${when(data.startsAt, lang, data.local)} (full)`;
    case 'offer_made':
      return zh ? `${what}：候补有空位，已为客户留位` : `${what}: a place from the waiting list, held for the customer`;
    case 'offer_accepted':
      return zh ? `${what}：候补留位已确认为预约` : `${what}: the held place is booked`;
    case 'offer_declined':
      return zh ? `${what}：客户放弃候补留位` : `${what}: the customer declined the held place`;
    case 'offer_expired':
      return zh ? `${what}：候补留位已过期` : `${what}: the held place expired`;
    case 'closure_notice':
      return zh ? `${what}：场地维护（${str(data.reason)}），已通知客户改期或取消` : `${what}: closed for maintenance (${str(data.reason)}), customer told`;
    case 'closure_cancelled':
      return zh ? `${what}因场地维护取消，不扣课时` : `${what} cancelled for maintenance, without charge`;
    default:
      return null;
  }
}
