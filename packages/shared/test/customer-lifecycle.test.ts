import { describe, expect, it } from 'vitest';
import {
  LIFECYCLE_ACTIONS,
  LIFECYCLE_ACTION_LABELS,
  LIFECYCLE_LABELS,
  LIFECYCLE_STATES,
  allowedLifecycleActions,
  lifecycleTransition,
  type LifecycleAction,
  type LifecycleState,
} from '../src/customer-lifecycle';

/** Seed 001 开户、购销、销户: the whole table, every (state, action) pair; null = refused. */
const EXPECTED: Record<LifecycleState, Record<LifecycleAction, LifecycleState | null>> = {
  prospect: { activate: 'active', markDormant: null, markLost: null, recall: null, close: 'closed', reopen: null },
  active: { activate: null, markDormant: 'dormant', markLost: 'lost', recall: null, close: 'closed', reopen: null },
  dormant: { activate: null, markDormant: null, markLost: 'lost', recall: 'active', close: 'closed', reopen: null },
  lost: { activate: null, markDormant: null, markLost: null, recall: 'active', close: 'closed', reopen: null },
  closed: { activate: null, markDormant: null, markLost: null, recall: null, close: null, reopen: 'active' },
};

const pairs = LIFECYCLE_STATES.flatMap((s) => LIFECYCLE_ACTIONS.map((a) => [s, a, EXPECTED[s][a]] as const));

describe('customer lifecycle transitions', () => {
  it('the expected table covers every state and action', () => {
    expect(pairs).toHaveLength(LIFECYCLE_STATES.length * LIFECYCLE_ACTIONS.length);
  });

  it.each(pairs.filter(([, , to]) => to !== null))('%s --%s--> %s', (state, action, to) => {
    expect(lifecycleTransition(state, action)).toEqual({ ok: true, to });
  });

  it.each(pairs.filter(([, , to]) => to === null))('%s --%s--> refused, with the allowed actions', (state, action) => {
    const result = lifecycleTransition(state, action);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.allowed).toEqual(allowedLifecycleActions(state));
    expect(result.allowed).not.toContain(action);
  });

  it.each(LIFECYCLE_STATES)('allowed actions from %s are exactly the ones that succeed', (state) => {
    const succeeding = LIFECYCLE_ACTIONS.filter((a) => EXPECTED[state][a] !== null);
    expect(allowedLifecycleActions(state)).toEqual(succeeding);
  });

  it('a closed customer can only be reopened; nothing else leads out of closed', () => {
    expect(allowedLifecycleActions('closed')).toEqual(['reopen']);
  });

  it('every state is reachable from prospect', () => {
    const seen = new Set<LifecycleState>(['prospect']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [s, , to] of pairs) {
        if (to && seen.has(s) && !seen.has(to)) {
          seen.add(to);
          changed = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...LIFECYCLE_STATES].sort());
  });

  it('every state and action has a zh-CN and an English label', () => {
    for (const s of LIFECYCLE_STATES) expect(LIFECYCLE_LABELS[s]['zh-CN'] && LIFECYCLE_LABELS[s].en).toBeTruthy();
    for (const a of LIFECYCLE_ACTIONS) expect(LIFECYCLE_ACTION_LABELS[a]['zh-CN'] && LIFECYCLE_ACTION_LABELS[a].en).toBeTruthy();
  });
});
