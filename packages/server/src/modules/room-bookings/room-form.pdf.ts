import {
  GUEST_IDENTITIES,
  GUEST_IDENTITY_LABELS,
  ROOM_CHANNEL_LABELS,
  ROOM_EXTRAS,
  ROOM_EXTRA_LABELS,
  ROOM_FORM_KINDS,
  ROOM_FORM_KIND_LABELS,
  ROOM_PAYMENT_LABELS,
  ROOM_PAYMENT_METHODS,
  translate,
  type Lang,
  type MessageKey,
  type RoomBooking,
} from '@kefu/shared';
import PDFDocument from 'pdfkit';
// the font loader of the complaint record form (附件二): one CJK font for every printed form
import { cjkFont } from '../complaint-reports/cjk-font';
import { attachment, localDateTime, yuan } from '../complaint-reports/report-format';

/**
 * The printable 冠名房预订表 of seed 003 附件一, one version on A4, laid out as the paper form: the
 * □新预订 □更改 □取消 box, 宾客身份 ticked, the guest, the stay, room type / persons / rooms, price /
 * discount / rate, the other arrangements and the payment method ticked, remarks, then 预定日期,
 * 预订接收人, 电脑输入人 and 确认人, and a blank line for the guest's signature (a faxed form comes back
 * signed, seed 003 4.1). Ticks are ■, open boxes □, so the form reads the same as text.
 */
export interface RoomFormInput {
  form: RoomBooking;
  /** the version this one replaces (change or cancel), for the line that names it */
  previous: { number: string; revision: number } | null;
  timeZone: string;
  lang: Lang;
  printedBy: string;
  printedAt: Date;
}

const MARGIN = 48;
const ROW = 30;
const PAD = 7;
type Doc = InstanceType<typeof PDFDocument>;

const box = (on: boolean) => (on ? '■' : '□');
/** the paper form's order: __月__日__年 */
const paperDate = (d: string, lang: Lang) => {
  const [y, m, day] = d.split('-').map(Number);
  return lang === 'en' ? d : `${m}月${day}日${y}年`;
};

export function roomFormFileName(f: RoomBooking) {
  return attachment(`冠名房预订表-${f.number}-${f.revision}.pdf`, `room-booking-${f.number}-${f.revision}.pdf`, true);
}

export async function renderRoomForm(input: RoomFormInput): Promise<Buffer> {
  const { form: f, lang } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, lang, params);
  const colon = lang === 'en' ? ': ' : '：';
  const gap = '\u3000';
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: cjkFont() as unknown as string,
    info: { Title: `${t('room_form.title')} ${f.number}`, Author: input.printedBy },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  let y = MARGIN;

  doc.fontSize(18).text(t('room_form.title'), left, y, { width, align: 'center', characterSpacing: lang === 'en' ? 0 : 4 });
  y += 30;
  doc.fontSize(10.5);
  doc.text(`${t('room_form.number')}${colon}${f.number}${gap}${t('room_form.revision', { revision: f.revision })}`, left, y, { lineBreak: false });
  doc.text(`${t('room_form.channel')}${colon}${ROOM_CHANNEL_LABELS[f.channel][lang]}`, left, y, { width, align: 'right', lineBreak: false });
  y += 20;

  /** One row of the form: cells of [label, value, share of the width]; a label with no value is a whole line of text. */
  function row(cells: [string, string, number][], height = ROW) {
    let x = left;
    for (const [label, value, share] of cells) {
      const w = width * share;
      doc.rect(x, y, w, height).stroke();
      const text = label ? `${label}${colon}${value}` : value;
      doc.text(text, x + PAD, y + PAD + 2, { width: w - 2 * PAD, height: height - PAD, ellipsis: true });
      x += w;
    }
    y += height;
  }
  const ticks = <K extends string>(keys: readonly K[], labels: Record<K, { 'zh-CN': string; en: string }>, on: (k: K) => boolean) =>
    keys.map((k) => `${box(on(k))}${labels[k][lang]}`).join('  ');

  row([['', ticks(ROOM_FORM_KINDS, ROOM_FORM_KIND_LABELS, (k) => k === f.kind), 1]]);
  if (input.previous)
    row([['', t('room_form.replaces', { number: input.previous.number, revision: input.previous.revision, kind: ROOM_FORM_KIND_LABELS[f.kind][lang] }), 1]]);
  row([[t('room_form.guest_identity'), ticks(GUEST_IDENTITIES, GUEST_IDENTITY_LABELS, (k) => k === f.guestIdentity), 1]]);
  row([
    [t('room_form.guest_name'), f.guestName, 0.5],
    [t('room_form.contact'), f.contact, 0.5],
  ]);
  row([[t('room_form.company'), f.company, 1]]);
  row([
    [t('room_form.arrival'), paperDate(f.arrival, lang), 0.4],
    [t('room_form.departure'), paperDate(f.departure, lang), 0.4],
    ['', t('room_form.nights', { nights: f.nights }), 0.2],
  ]);
  row([
    [t('room_form.room_type'), f.roomType, 0.4],
    [t('room_form.persons'), String(f.persons), 0.3],
    [t('room_form.rooms'), String(f.rooms), 0.3],
  ]);
  row([[t('room_form.room_names'), f.roomNames.join('、'), 1]]);
  const zhe = (f.discountPercent / 10).toString();
  row([
    [t('room_form.price'), t('room_form.per_night', { amount: yuan(f.priceFen) }), 0.36],
    [t('room_form.discount'), t('room_form.discount_value', { percent: f.discountPercent, zhe }), 0.28],
    [t('room_form.rate'), t('room_form.per_night', { amount: yuan(f.rateFen) }), 0.36],
  ]);
  row(
    [[t('room_form.extras'), `${ticks(ROOM_EXTRAS, ROOM_EXTRA_LABELS, (k) => f.extras.includes(k))}${f.extrasNote ? `${gap}${f.extrasNote}` : ''}`, 1]],
    ROW + 12,
  );
  row([[t('room_form.payment'), ticks(ROOM_PAYMENT_METHODS, ROOM_PAYMENT_LABELS, (k) => k === f.paymentMethod), 1]]);
  const remarksHeight = Math.max(60, doc.heightOfString(f.remarks || ' ', { width: width - 2 * PAD }) + 2 * PAD + 16);
  row([[t('room_form.remarks'), f.remarks, 1]], Math.min(remarksHeight, 220));
  row([
    [t('room_form.booked_on'), f.bookedOn, 0.25],
    [t('room_form.received_by'), f.receivedBy, 0.25],
    [t('room_form.entered_by'), f.enteredBy, 0.25],
    [t('room_form.confirmed_by'), f.confirmedBy, 0.25],
  ]);
  // the guest signs the returned fax by hand: a blank line, never a name
  row([[t('room_form.guest_signature'), '______________________', 1]], ROW + 10);

  doc.fontSize(8).fillColor('#666666');
  doc.text(t('room_form.printed', { name: input.printedBy, at: localDateTime(input.printedAt, input.timeZone) }), left, y + 12, { width, lineBreak: false });
  doc.fillColor('#000000');
  doc.end();
  return done;
}
