import { describe, expect, it } from 'vitest';
import { mayKeepPromise } from '../src/complaint-workflow';

const perms = (...p: string[]) => new Set(p);

describe('who may mark a promise kept (the server and the case page ask the same rule)', () => {
  it.each([
    ['an officer (complaint:handle), anyone’s promise', perms('complaint:read', 'complaint:handle'), 'u1', 'u2', true],
    ['the agent who made the promise', perms('complaint:read'), 'u1', 'u1', true],
    ['an agent who reads the case, another’s promise', perms('complaint:read'), 'u1', 'u2', false],
    ['an agent, a promise with no owner', perms('complaint:read'), 'u1', null, false],
    ['a department handler', perms('complaint:respond'), 'u1', 'u2', false],
  ])('%s', (_what, p, userId, ownerId, expected) => {
    expect(mayKeepPromise(p, userId, ownerId)).toBe(expected);
  });
});
