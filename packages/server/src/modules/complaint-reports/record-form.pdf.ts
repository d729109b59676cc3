import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  SATISFACTIONS,
  SATISFACTION_LABELS,
  translate,
  type Complaint,
  type ComplaintStepRecord,
  type Lang,
  type MessageKey,
  type Satisfaction,
} from '@kefu/shared';
import PDFDocument from 'pdfkit';
import { cjkFont } from './cjk-font';
import { stepRows } from './record-form.steps';
import { localDateTime, yuan } from './report-format';

/**
 * The printable complaint record form of seed 003 附件二 (客户投诉记录表), one case on A4, laid out
 * as the paper form: 部门/日期, the complainant row, then one box per step (content, verification,
 * proposal, result) with who and when at its foot, the approver, the customer's satisfaction with
 * the result and the speed ticked, the suggestion, and a blank line for the customer's signature.
 * The steps of the case follow on their own page. The phone is as the reader's case view shows it
 * (the complaint comes in already masked for the reader). A box too long for the page goes on.
 */
export interface RecordFormInput {
  complaint: Complaint;
  steps: ComplaintStepRecord[];
  timeZone: string;
  lang: Lang;
  printedBy: string;
  printedAt: Date;
}

const MARGIN = 48;
const FOOTER = 28;
const PAD = 6;
const SIZE = 10.5;
/** two ideographic spaces, as a filled-in Chinese form separates its fields */
const GAP = '\u3000\u3000';
type Doc = InstanceType<typeof PDFDocument>;

export async function renderRecordForm(input: RecordFormInput): Promise<Buffer> {
  const { complaint: c, lang, timeZone } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(key, lang, params);
  const at = (iso: string | null | undefined) => (iso ? localDateTime(iso, timeZone) : '');
  const name = (p: { name: string } | null | undefined) => p?.name ?? '';
  const colon = lang === 'en' ? ': ' : '：';
  // pdfkit takes the font's bytes as the starting font (its types say a name or path only)
  const font = cjkFont() as unknown as string;
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    font,
    info: { Title: `${t('record.title')} ${c.number}`, Author: input.printedBy },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - FOOTER;
  let y = MARGIN;

  // title, number, 部门 and 日期 (the day the complaint was received)
  doc.fontSize(18).text(t('record.title'), left, y, { width, align: 'center', characterSpacing: lang === 'en' ? 0 : 4 });
  y += 30;
  doc.fontSize(SIZE).text(`${t('record.department')}${colon}${t('record.department_value')}`, left, y, { lineBreak: false });
  doc.text(`${t('record.number')}${colon}${c.number}`, left, y, { width, align: 'center', lineBreak: false });
  doc.text(`${t('record.date')}${colon}${at(c.receivedAt).slice(0, 10)}`, left, y, { width, align: 'right', lineBreak: false });
  y += 20;

  // 投诉客户姓名 | 投诉人 | 联系电话, in one row of six cells
  const cells: [string, number][] = [
    [t('record.customer_name'), 0.16],
    [name(c.customer), 0.17],
    [t('record.complainant'), 0.14],
    [c.complainantName, 0.16],
    [t('record.phone'), 0.12],
    [c.complainantPhone ?? '', 0.25],
  ];
  let x = left;
  for (const [text, share] of cells) {
    const w = width * share;
    doc.rect(x, y, w, 28).stroke();
    doc.text(text, x + PAD, y + 8, { width: w - 2 * PAD, height: 14, ellipsis: true, lineBreak: false });
    x += w;
  }
  y += 28;

  /** One box of the form: its label, the text, then who and when at its foot; goes on past a page end. */
  function box(label: string, text: string, foot: string, minHeight: number) {
    const inner = width - 2 * PAD;
    const footHeight = foot ? 20 : 0;
    const labelHeight = doc.heightOfString(label, { width: inner }) + 4;
    let rest = text;
    let first = true;
    for (;;) {
      const heading = first ? `${label}${colon}` : `${label}${colon}${t('record.continued')}`;
      const need = Math.max(minHeight, PAD + labelHeight + doc.heightOfString(rest || ' ', { width: inner }) + footHeight + PAD);
      if (y + need <= bottom()) {
        frame(heading, rest, foot, need);
        return;
      }
      const room = bottom() - y - (PAD + labelHeight + PAD);
      const fits = room > 3 * doc.currentLineHeight(true) ? fitting(rest, inner, room) : 0;
      if (fits > 0) {
        frame(heading, rest.slice(0, fits), '', bottom() - y);
        rest = rest.slice(fits);
        first = false;
      }
      doc.addPage();
      y = MARGIN;
    }
    function frame(heading: string, body: string, footer: string, h: number) {
      doc.rect(left, y, width, h).stroke();
      doc.text(heading, left + PAD, y + PAD, { width: inner });
      if (body) doc.text(body, left + PAD + 12, y + PAD + labelHeight, { width: inner - 12 });
      if (footer) doc.text(footer, left + PAD, y + h - PAD - 14, { width: inner, align: 'right', lineBreak: false });
      y += h;
    }
  }

  /** How many characters of text fit in the given height (binary search over heightOfString). */
  function fitting(text: string, w: number, height: number): number {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (doc.heightOfString(text.slice(0, mid), { width: w - 12 }) <= height) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A one-line row: label, then text or the three ticked boxes of 满意 / 基本满意 / 不满意. */
  function row(label: string, value: string | { chosen: Satisfaction | null }) {
    if (y + 28 > bottom()) {
      doc.addPage();
      y = MARGIN;
    }
    doc.rect(left, y, width, 28).stroke();
    doc.text(`${label}${colon}`, left + PAD, y + 8, { lineBreak: false });
    let cx = left + PAD + doc.widthOfString(`${label}${colon}`) + 12;
    if (typeof value === 'string') doc.text(value, cx, y + 8, { width: left + width - cx - PAD, height: 14, ellipsis: true, lineBreak: false });
    else
      for (const s of SATISFACTIONS) {
        const label = SATISFACTION_LABELS[s][lang];
        doc.text(label, cx, y + 8, { lineBreak: false });
        cx += doc.widthOfString(label) + 3;
        checkbox(cx, y + 9, value.chosen === s);
        cx += 30;
      }
    y += 28;
  }

  function checkbox(bx: number, by: number, ticked: boolean) {
    doc.rect(bx, by, 10, 10).lineWidth(0.8).stroke();
    if (ticked)
      doc
        .moveTo(bx + 2, by + 5)
        .lineTo(bx + 4.5, by + 8)
        .lineTo(bx + 9, by + 1.5)
        .lineWidth(1.4)
        .stroke();
    doc.lineWidth(1);
  }

  const signed = (who: string, person: string, when: string) => `${who}${colon}${person}${GAP}${t('record.date')}${colon}${when}`;
  const facts = [
    t('record.facts', {
      channel: COMPLAINT_CHANNEL_LABELS[c.channel][lang],
      category: COMPLAINT_CATEGORY_LABELS[c.category][lang],
      severity: COMPLAINT_SEVERITY_LABELS[c.severity][lang],
    }),
    c.major ? t('record.major') : '',
  ].filter(Boolean);
  box(t('record.content'), `${c.content}\n\n${facts.join(GAP)}`, signed(t('record.receiver'), name(c.receiver), at(c.receivedAt)), 120);
  const v = c.verification;
  box(t('record.verification'), v?.findings ?? '', signed(t('record.investigator'), name(v?.investigator), at(v?.at)), 90);
  const p = c.proposal;
  const proposalText = p
    ? [
        p.proposal,
        p.compensationFen > 0 ? t('record.compensation', { amount: yuan(p.compensationFen) }) : '',
        c.department ? t('record.responsible_department', { name: c.department.name }) : '',
      ]
        .filter(Boolean)
        .join('\n')
    : '';
  box(t('record.proposal'), proposalText, signed(t('record.responsible'), name(p?.responsible), at(p?.at)), 90);
  const r = c.resolution;
  box(t('record.result'), r?.result ?? '', signed(t('record.handler'), name(r?.handler), at(r?.at)), 90);
  const approval = c.approval
    ? `${name(c.approval.approver)}${GAP}${t('record.date')}${colon}${at(c.approval.at)}`
    : p && !p.needsApproval
      ? t('record.approval_not_needed')
      : '';
  row(t('record.approver'), approval);
  row(t('record.result'), { chosen: c.feedback?.satisfactionResult ?? null });
  row(t('record.speed'), { chosen: c.feedback?.satisfactionSpeed ?? null });
  box(t('record.suggestion'), c.feedback?.suggestion ?? '', '', 60);
  // the customer signs the printed form by hand: a blank line, never a name
  row(t('record.signature'), `______________________${GAP}${t('record.date')}${colon}______________`);

  // the steps of the case, as the case page lists them
  const steps = stepRows(input.steps, lang, timeZone);
  if (steps.length) {
    doc.addPage();
    y = MARGIN;
    doc.fontSize(14).text(t('record.steps_title'), left, y, { width, align: 'center' });
    y += 28;
    doc.fontSize(9);
    const cols: [string, number][] = [
      [t('record.step_at'), 0.2],
      [t('record.step_action'), 0.18],
      [t('record.step_actor'), 0.14],
      [t('record.step_detail'), 0.48],
    ];
    const line = (texts: string[]) => {
      const h = Math.max(20, ...texts.map((s, i) => doc.heightOfString(s, { width: width * cols[i]![1] - 2 * PAD }) + 2 * PAD));
      if (y + h > bottom()) {
        doc.addPage();
        y = MARGIN;
      }
      let cx = left;
      texts.forEach((s, i) => {
        const w = width * cols[i]![1];
        doc.rect(cx, y, w, h).stroke();
        doc.text(s, cx + PAD, y + PAD, { width: w - 2 * PAD });
        cx += w;
      });
      y += h;
    };
    line(cols.map(([h]) => h));
    for (const s of steps) line([s.at, s.action, s.actor, s.detail]);
  }

  // who printed it and when, and the page numbers, on every page
  const range = doc.bufferedPageRange();
  const printed = t('record.printed', { name: input.printedBy, at: localDateTime(input.printedAt, timeZone), number: c.number });
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    // the footer sits in the bottom margin: without this pdfkit would start a new page for it
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - MARGIN - 12;
    doc.fontSize(8).fillColor('#666666');
    doc.text(printed, left, fy, { lineBreak: false, height: 12 });
    doc.text(t('record.page', { page: i + 1, pages: range.count }), left, fy, { width, align: 'right', lineBreak: false, height: 12 });
    doc.fillColor('#000000');
  }
  doc.end();
  return done;
}
