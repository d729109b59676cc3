import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Mobile numbers of mainland China, as people type them: "+86 138-0013-8000", "0086 13800138000",
 * "138 0013 8000". Returns the 11-digit national number, or null when it is not a valid mobile.
 */
export function normaliseMobile(input: string): string | null {
  const raw = input.trim();
  if (!raw) return null;
  const compact = raw.replace(/[\s\-().\u3000]/g, '').replace(/^0086/, '+86');
  const parsed = parsePhoneNumberFromString(compact, 'CN');
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid()) return null;
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
  const national = String(parsed.nationalNumber);
  return /^1[3-9]\d{9}$/.test(national) ? national : null;
}

/**
 * Any Chinese phone, mobile or landline ("010-8888 6666", "+86 21 6666 8888"), to a canonical
 * digits-only national form: mobiles as 11 digits, landlines with their trunk 0 ("01088886666").
 */
export function normalisePhone(input: string): string | null {
  const mobile = normaliseMobile(input);
  if (mobile) return mobile;
  const compact = input.trim().replace(/[\s\-().\u3000]/g, '').replace(/^0086/, '+86');
  const parsed = parsePhoneNumberFromString(compact, 'CN');
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid()) return null;
  // landlines are dialled with the trunk 0 and their area code; 400/800 numbers have no trunk 0
  const type = parsed.getType();
  return type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? `0${parsed.nationalNumber}` : String(parsed.nationalNumber);
}

/**
 * 13812341234 -> 138****1234; landlines keep the area code and the last 4 digits: 010****6666,
 * 0571****4321. Area codes are 3 digits for Beijing (010) and 020-029, 4 digits elsewhere.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '****';
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const areaLength = /^0[12]/.test(phone) ? 3 : 4;
  const head = phone.startsWith('0') && phone.length >= areaLength + 7 ? phone.slice(0, areaLength) : '';
  return `${head}****${phone.slice(-4)}`;
}

/** Chinese resident ID (18 chars): keep the first 3 and the last 4. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
