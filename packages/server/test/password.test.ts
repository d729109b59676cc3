import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/modules/auth';
import { verifyPassword } from '../src/modules/auth/password';

/** The cost of a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash` (the library orders them as it likes). */
function params(hash: string): Record<string, string> {
  expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
  return Object.fromEntries(
    hash
      .split('$')[3]!
      .split(',')
      .map((kv) => kv.split('=') as [string, string]),
  );
}

describe('password hashing', () => {
  const saved = process.env.KEFU_TEST_CHEAP_PASSWORD_HASH;
  afterEach(() => {
    process.env.KEFU_TEST_CHEAP_PASSWORD_HASH = saved;
  });

  it('is argon2id at m=64 MiB, t=3, p=4 unless the test suites ask for the cheap setting', async () => {
    delete process.env.KEFU_TEST_CHEAP_PASSWORD_HASH;
    const real = await hashPassword('correct horse');
    expect(params(real)).toEqual({ m: '65536', t: '3', p: '4' });
    process.env.KEFU_TEST_CHEAP_PASSWORD_HASH = '1';
    const cheap = await hashPassword('correct horse');
    expect(params(cheap)).toEqual({ m: '1024', t: '1', p: '1' });
    // verifying reads the cost from the hash: both verify, a wrong password does not
    expect(await verifyPassword(real, 'correct horse')).toBe(true);
    expect(await verifyPassword(cheap, 'correct horse')).toBe(true);
    expect(await verifyPassword(cheap, 'wrong horse')).toBe(false);
  });
});
