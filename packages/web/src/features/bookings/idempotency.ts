import { useRef } from 'react';

/** A random key; crypto.randomUUID needs a secure page, getRandomValues works on a plain-http intranet too. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per person's action: sending the same booking again (a retry after a lost answer)
 * reuses the key, so the server books once; a changed booking (another time picked) is a new action.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const json = JSON.stringify(body);
    if (last.current?.body !== json) last.current = { body: json, key: randomKey() };
    return last.current.key;
  };
}
