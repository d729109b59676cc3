import type { AddressInfo } from 'node:net';
import { systemCtx } from '../src/lib/context';
import { createApiKey, rawSignIn } from './clients';
import { createUser, PASSWORD, signIn, type Client } from './factories';
import type { TestEnv } from './helpers';

let ext = 700;
/** A unique extension per call (several files may run at once on one PostgreSQL template: each has its own database). */
export function nextExtension(): string {
  ext += 1;
  return String(ext);
}

/** A user with roles and an extension, signed in; also the raw cookie for the event stream. */
export async function agentWithExtension(env: TestEnv, roles: string[] = ['agent'], extension = nextExtension()) {
  const user = await createUser(env, roles);
  await env.app.services.users.update(systemCtx(), user.id, { extension, version: user.version });
  const client = await signIn(env, user.username);
  const raw = await rawSignIn(env, user.username, PASSWORD);
  return { user, extension, client, cookie: raw.cookie! };
}

/** The PBX's client: an API key with telephony:events, made by an admin as the admin screen makes it. */
export async function pbxClient(env: TestEnv, admin: Client) {
  return (await createApiKey(env, admin, ['telephony:events'], 'PBX')).client;
}

/** The app listening on a free local port (streams need a real connection; inject waits for the end). */
export async function listening(env: Pick<TestEnv, 'app'>): Promise<string> {
  const address = env.app.server.address() as AddressInfo | null;
  if (address) return `http://127.0.0.1:${address.port}`;
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
}

export interface SseEvent {
  event: string;
  data: any;
  id?: string;
}

/** An agent's event stream, read as the browser's EventSource would; `next()` waits for a matching event. */
export async function openStream(baseUrl: string, cookie: string) {
  const ctrl = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/telephony/stream`, { headers: { cookie: `kefu_session=${cookie}` }, signal: ctrl.signal });
  const events: SseEvent[] = [];
  const waiters: { test: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const seen = new Set<SseEvent>();
  const deliver = (e: SseEvent) => {
    events.push(e);
    const i = waiters.findIndex((w) => w.test(e));
    if (i >= 0) {
      seen.add(e);
      waiters.splice(i, 1)[0]!.resolve(e);
    }
  };
  if (res.status === 200 && res.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const e: Partial<SseEvent> & { raw?: string } = {};
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) e.event = line.slice(7);
              else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
              else if (line.startsWith('id: ')) e.id = line.slice(4);
            }
            if (e.event) deliver(e as SseEvent);
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    events,
    next(test: (e: SseEvent) => boolean, timeoutMs = 5000): Promise<SseEvent> {
      const already = events.find((e) => !seen.has(e) && test(e));
      if (already) {
        seen.add(already);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const waiter = {
          test,
          resolve: (e: SseEvent) => {
            clearTimeout(timer);
            resolve(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () => ctrl.abort(),
  };
}
