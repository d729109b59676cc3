import { describe, expect, it } from 'vitest';
import { distributeByLoad } from '../src/distribute';
import { rng } from './rng';

const ids = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function finalLoads(customers: string[], agents: { id: string; load: number }[]) {
  const plan = distributeByLoad(customers, agents);
  const loads = new Map(agents.map((a) => [a.id, a.load]));
  for (const agent of plan.values()) loads.set(agent, loads.get(agent)! + 1);
  return { plan, loads };
}

describe('distributeByLoad (seed 004 第五篇 一.3)', () => {
  it.each([
    ['all empty, divisible', 6, [0, 0, 0], [2, 2, 2]],
    ['all empty, remainder goes to the first in order', 7, [0, 0, 0], [3, 2, 2]],
    ['uneven start is levelled', 6, [5, 0, 2], [5, 4, 4]],
    ['the light agent first', 3, [10, 0], [10, 3]],
    ['nothing to give', 0, [1, 2], [1, 2]],
    ['one agent takes all', 4, [3], [7]],
  ])('%s', (_name, n, start, expected) => {
    const agents = start.map((load, i) => ({ id: `a${i}`, load }));
    const { loads } = finalLoads(ids(n), agents);
    expect(agents.map((a) => loads.get(a.id))).toEqual(expected);
  });

  it('ties go to the agent named first', () => {
    const plan = distributeByLoad(['x'], [
      { id: 'b', load: 1 },
      { id: 'a', load: 1 },
    ]);
    expect(plan.get('x')).toBe('b');
  });

  it('assigns every customer exactly once and no agent outside the list', () => {
    const plan = distributeByLoad(ids(10), [
      { id: 'a', load: 0 },
      { id: 'b', load: 0 },
    ]);
    expect([...plan.keys()].sort()).toEqual(ids(10).sort());
    expect(new Set(plan.values())).toEqual(new Set(['a', 'b']));
  });

  it('with no agents, assigns nothing', () => {
    expect(distributeByLoad(['x'], []).size).toBe(0);
  });

  it('does not change the loads it was given', () => {
    const agents = [{ id: 'a', load: 2 }];
    distributeByLoad(['x'], agents);
    expect(agents[0]!.load).toBe(2);
  });

  it('random cases: nobody receives a customer while another agent ends two or more below them', () => {
    const random = rng(20261009);
    for (let run = 0; run < 300; run += 1) {
      const agents = Array.from({ length: 1 + random.int(6) }, (_, i) => ({ id: `a${i}`, load: random.int(20) }));
      const n = random.int(60);
      const { plan, loads } = finalLoads(ids(n), agents);
      expect(plan.size).toBe(n);
      const receivers = agents.filter((a) => loads.get(a.id)! > a.load);
      if (!receivers.length) continue;
      const highestReceiver = Math.max(...receivers.map((a) => loads.get(a.id)!));
      expect(highestReceiver - Math.min(...loads.values())).toBeLessThanOrEqual(1);
      // where levelling is reachable (nobody started above the level), all loads end within one
      if (agents.every((a) => a.load <= highestReceiver - 1)) expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    }
  });
});
