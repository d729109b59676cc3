import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity } from '@kefu/shared/complaint';
import dayjs, { type Dayjs } from 'dayjs';

/** The register form as antd holds it; `toRegisterInput` makes the body the shared schema checks. */
export interface RegisterValues {
  receivedAt: Dayjs | null;
  channel: ComplaintChannel;
  customerId: string | null;
  complainantName: string;
  complainantPhone: string;
  content: string;
  category: ComplaintCategory | undefined;
  severity: ComplaintSeverity;
  major: boolean;
  departmentId: string | undefined;
  receiverId: string | undefined;
  assigneeId: string | undefined;
}

export const REGISTER_FIELDS = [
  'receivedAt',
  'channel',
  'customerId',
  'complainantName',
  'complainantPhone',
  'content',
  'category',
  'severity',
  'major',
  'departmentId',
  'receiverId',
  'assigneeId',
] as const;

/** A phone call is the common case: now, by hotline, normal severity, taken by me. */
export function registerDefaults(me: string): RegisterValues {
  return {
    receivedAt: dayjs().second(0).millisecond(0),
    channel: 'hotline',
    customerId: null,
    complainantName: '',
    complainantPhone: '',
    content: '',
    category: undefined,
    severity: 'normal',
    major: false,
    departmentId: undefined,
    receiverId: me,
    assigneeId: undefined,
  };
}

export function toRegisterInput(v: RegisterValues) {
  return {
    receivedAt: v.receivedAt ? v.receivedAt.format() : '',
    channel: v.channel,
    customerId: v.customerId ?? null,
    complainantName: v.complainantName ?? '',
    complainantPhone: v.complainantPhone?.trim() ? v.complainantPhone.trim() : null,
    content: v.content ?? '',
    category: v.category,
    severity: v.severity,
    major: !!v.major,
    departmentId: v.departmentId ?? null,
    receiverId: v.receiverId ?? null,
    assigneeId: v.assigneeId ?? null,
  };
}
