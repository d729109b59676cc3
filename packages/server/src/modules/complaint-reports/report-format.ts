// building an Intl formatter costs far more than using one: one per time zone
const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** 2026-10-09 10:00 in the department's time zone (what the form and the sheets print). */
export function localDateTime(at: Date | string, timeZone: string): string {
  let f = dateTimes.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    dateTimes.set(timeZone, f);
  }
  return f.format(typeof at === 'string' ? new Date(at) : at);
}

/** fen -> "1,234.50" (money is kept in fen; people read yuan) */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** attachment; an ASCII fallback name and the Chinese name encoded per RFC 5987 / RFC 6266. */
export function attachment(fileName: string, asciiFallback: string, inline = false): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
