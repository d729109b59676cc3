import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (m=64 MiB, t=3, p=4): ~0.2-0.8 s a hash on two cores, by design.
 * The test suites set KEFU_TEST_CHEAP_PASSWORD_HASH=1 (vitest.config.ts) for m=1 MiB, t=1, p=1: they create
 * and sign in hundreds of users, and verifying reads the cost from the stored hash, so nothing else changes.
 * Never set it for a real department: the server refuses to start with it outside tests (config.ts).
 */
const CHEAP = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  const cheap = process.env.KEFU_TEST_CHEAP_PASSWORD_HASH === '1';
  return argon2.hash(password, { type: argon2.argon2id, ...(cheap ? CHEAP : {}) });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so a wrong username costs the same time as a wrong password.
let dummyHash: Promise<string> | null = null;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}
