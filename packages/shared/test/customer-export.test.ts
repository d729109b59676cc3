import { describe, expect, it } from 'vitest';
import { customerFilterSchema, exportRequestSchema, exportTransition, type ExportAction, type ExportStatus } from '../src/customer-export';

describe('export transitions', () => {
  it.each<[ExportStatus, ExportAction, ReturnType<typeof exportTransition>]>([
    ['pending', 'approve', { ok: true, to: 'approved' }],
    ['pending', 'reject', { ok: true, to: 'rejected' }],
    ['pending', 'download', { ok: false, allowed: ['approve', 'reject'] }],
    ['approved', 'download', { ok: true, to: 'downloaded' }],
    ['approved', 'approve', { ok: false, allowed: ['download'] }],
    ['downloaded', 'download', { ok: true, to: 'downloaded' }],
    ['rejected', 'approve', { ok: false, allowed: [] }],
    ['rejected', 'download', { ok: false, allowed: [] }],
  ])('%s + %s', (from, action, expected) => expect(exportTransition(from, action)).toEqual(expected));
});

describe('export request', () => {
  it.each([
    [{ reason: '回访名单', filter: { tag: 'VIP', list: 'big' } }, true],
    [{ reason: '回访名单' }, true],
    [{ reason: ' 短', filter: {} }, false],
    [{ reason: '回访名单', filter: { list: 'everyone' } }, false],
    [{ reason: '回访名单', filter: { ownerId: 'not-a-uuid' } }, false],
  ])('%j valid: %s', (body, ok) => expect(exportRequestSchema.safeParse(body).success).toBe(ok));

  it('keeps only the list filters', () => expect(customerFilterSchema.parse({ q: ' 张 ', other: 1 })).toEqual({ q: '张' }));
});
