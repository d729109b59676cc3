import {
  acknowledgeBody,
  approveBody,
  assignBody,
  closeBody,
  feedbackBody,
  pauseBody,
  promiseBody,
  proposeBody,
  rejectBody,
  reopenBody,
  resolveBody,
  resumeBody,
  transferBody,
  verifyBody,
} from '@kefu/shared/complaint';
import type { ComplaintAction } from '@kefu/shared/complaint-workflow';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { yuanToFen } from './money';

/** Each action's body, checked by the shared schema before it is sent (the server checks it again). */
export const ACTION_SCHEMAS: Record<ComplaintAction, z.ZodType> = {
  acknowledge: acknowledgeBody,
  verify: verifyBody,
  propose: proposeBody,
  approve: approveBody,
  reject: rejectBody,
  resolve: resolveBody,
  recordFeedback: feedbackBody,
  close: closeBody,
  reopen: reopenBody,
  pause: pauseBody,
  resume: resumeBody,
  assign: assignBody,
  transfer: transferBody,
  promise: promiseBody,
};

/** The fields of each action's small form, as the form names them. */
export const ACTION_FIELDS: Record<ComplaintAction, readonly string[]> = {
  acknowledge: ['note'],
  verify: ['investigatorId', 'findings'],
  propose: ['proposal', 'responsibleId', 'compensationYuan'],
  approve: ['note'],
  reject: ['reason'],
  resolve: ['handlerId', 'result'],
  recordFeedback: ['satisfactionResult', 'satisfactionSpeed', 'suggestion', 'callbackAt'],
  close: ['note'],
  reopen: ['reason'],
  pause: ['reason'],
  resume: ['note'],
  assign: ['assigneeId'],
  transfer: ['departmentId', 'request', 'dueAt'],
  promise: ['what', 'dueAt'],
};

export type ActionValues = Record<string, unknown>;

/** What the form starts with: the person doing the step is usually the one named on the form. */
export function actionDefaults(action: ComplaintAction, me: string): ActionValues {
  switch (action) {
    case 'verify':
      return { investigatorId: me };
    case 'propose':
      return { responsibleId: me, compensationYuan: null };
    case 'resolve':
      return { handlerId: me };
    case 'recordFeedback':
      return { satisfactionResult: 'satisfied', satisfactionSpeed: 'satisfied' };
    default:
      return {};
  }
}

const isDayjs = (v: unknown): v is Dayjs => typeof v === 'object' && v !== null && 'isValid' in v && typeof (v as Dayjs).format === 'function';

/** Text a step cannot do without: left empty, it is "required" beside its field (not "expected a string"). */
const REQUIRED_TEXT = new Set(['findings', 'proposal', 'result', 'reason', 'request', 'what']);

/** Form values -> request body: times with their offset, yuan -> fen, blanks -> absent, the case's version. */
export function actionBody(action: ComplaintAction, values: ActionValues, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = action === 'promise' ? {} : { version };
  for (const key of ACTION_FIELDS[action]) {
    const value = values[key];
    if (key === 'compensationYuan') body.compensationFen = yuanToFen(value as string | number | null);
    else if (isDayjs(value)) body[key] = value.format();
    else if (REQUIRED_TEXT.has(key)) body[key] = typeof value === 'string' ? value : '';
    else if (typeof value === 'string') body[key] = value.trim() === '' ? null : value;
    else if (value !== undefined && value !== null) body[key] = value;
  }
  return body;
}

/** Errors about compensationFen belong beside the yuan field. */
export function formPath(path: string): string {
  return path === 'compensationFen' ? 'compensationYuan' : path;
}
