import { expect } from 'vitest';
import type { Client } from './factories';
import type { TestEnv } from './helpers';

/**
 * Complaint cases for the report tests, made through the complaints API at the moments the test
 * chooses (the clock is moved to each step's time, so every step happens when the story says).
 */
export interface Kase {
  id: string;
  number: string;
  state: string;
  version: number;
}

export function caseBody(receivedAt: string, overrides: Record<string, unknown> = {}) {
  return {
    receivedAt,
    channel: 'hotline',
    complainantName: '李女士',
    complainantPhone: '13812345678',
    content: '预约的私教课被临时取消，前台未提前通知',
    category: 'booking_unavailable',
    severity: 'normal',
    ...overrides,
  };
}

export class CaseDriver {
  constructor(
    private readonly env: () => TestEnv,
    private readonly officer: Client,
  ) {}

  /** Registers a case received at `receivedAt` (the clock is set there first). */
  async register(receivedAt: string, overrides: Record<string, unknown> = {}): Promise<Kase> {
    this.env().clock.set(receivedAt);
    const res = await this.officer.post('/api/v1/complaints', caseBody(receivedAt, overrides));
    expect(res.status, res.text).toBe(201);
    return res.body;
  }

  /** One step at `at`, with the case's current version. */
  async step(c: Kase, action: string, at: string, body: Record<string, unknown> = {}): Promise<Kase> {
    this.env().clock.set(at);
    const res = await this.officer.post(`/api/v1/complaints/${c.id}/${action}`, { version: c.version, ...body });
    expect(res.status, `${action}: ${res.text}`).toBe(200);
    return res.body;
  }

  /** acknowledge -> verify -> propose (no compensation) -> resolve, each at its own moment. */
  async handle(c: Kase, times: { acknowledge: string; resolve: string }): Promise<Kase> {
    const me = this.officer.userId;
    c = await this.step(c, 'acknowledge', times.acknowledge, { note: '已回电致歉' });
    c = await this.step(c, 'verify', times.acknowledge, { investigatorId: me, findings: '情况属实' });
    c = await this.step(c, 'propose', times.acknowledge, { proposal: '补课一次', responsibleId: me, compensationFen: 0 });
    return this.step(c, 'resolve', times.resolve, { handlerId: me, result: '已补课' });
  }

  async feedback(c: Kase, at: string, result: string, speed: string): Promise<Kase> {
    const unsatisfied = result === 'unsatisfied' || speed === 'unsatisfied';
    const callbackAt = unsatisfied ? new Date(new Date(at).getTime() + 3_600_000).toISOString() : undefined;
    return this.step(c, 'feedback', at, {
      satisfactionResult: result,
      satisfactionSpeed: speed,
      suggestion: '希望提前通知',
      ...(callbackAt ? { callbackAt } : {}),
    });
  }
}
