import { useRef } from 'react';

/**
 * One Idempotency-Key per user action: the same key while the person resends the same body (a second
 * click, a retry after the network failed), so the server applies it once; a new key once the body
 * changes or the action succeeded. A key only ever travels with the body it was made for, because the
 * server refuses a known key with another body.
 */
/** crypto.randomUUID exists only in secure contexts; the department may open Kefu over plain http on its LAN. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (current.current?.body !== text) current.current = { key: newKey(), body: text };
      return current.current.key;
    },
    /** the action is done: the next one is another action */
    done() {
      current.current = null;
    },
  };
}
