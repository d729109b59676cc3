import { createHash, randomBytes } from 'node:crypto';

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Session tokens and API keys are stored as their SHA-256 only: a leaked table opens no session. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
