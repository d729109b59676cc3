import { EventEmitter } from 'node:events';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../db/client';

/**
 * Messages between instances of Kefu on one database (docs/decisions/014): an event received by
 * instance A reaches a browser connected to instance B. On PostgreSQL, NOTIFY / LISTEN (no other broker);
 * on PGlite, which one process owns, an in-process emitter. Payloads are small JSON with ids only
 * (NOTIFY refuses payloads of 8000 bytes or more): receivers fetch what they show.
 */
export interface PubSub {
  readonly kind: 'memory' | 'postgres';
  publish(channel: string, payload: string): Promise<void>;
  subscribe(channel: string, handler: (payload: string) => void): () => void;
  /** resolves when messages published from now on will be heard (the LISTEN is in place) */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_PAYLOAD = 7900;

export function createMemoryPubSub(): PubSub {
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  return {
    kind: 'memory',
    async publish(channel, payload) {
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`pubsub payload too large (${channel})`);
      // delivered after the publisher's turn, as a NOTIFY would be
      setImmediate(() => bus.emit(channel, payload));
    },
    subscribe(channel, handler) {
      bus.on(channel, handler);
      return () => bus.off(channel, handler);
    },
    ready: async () => {},
    close: async () => {
      bus.removeAllListeners();
    },
  };
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * NOTIFY through the app's pool (any connection will do; inside a transaction it is sent at commit),
 * LISTEN on one dedicated pg.Client per instance: a pooled client goes back to the pool and would
 * stop listening. The listener reconnects after an error with a growing pause (0.5 s .. 10 s); what
 * was sent while it was away is lost, so browsers re-fetch the current call when their stream reopens.
 */
export function createPgPubSub(opts: { connectionString: string; db: Db; log?: (msg: string) => void }): PubSub {
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let client: pg.Client | null = null;
  let closed = false;
  let delay = 500;
  let connected: Promise<void>;
  let markConnected!: () => void;
  const resetReady = () => (connected = new Promise<void>((r) => (markConnected = r)));
  resetReady();

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.connectionString, application_name: 'kefu-listen' });
    c.on('notification', (msg) => {
      const set = handlers.get(msg.channel);
      if (set && msg.payload !== undefined) for (const h of set) h(msg.payload);
    });
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = null;
      c.removeAllListeners('error');
      c.on('error', () => {});
      void c.end().catch(() => {});
      if (closed) return;
      opts.log?.(`LISTEN connection lost${err ? `: ${err.message}` : ''}; reconnecting`);
      resetReady();
      setTimeout(() => void connect(), delay).unref();
      delay = Math.min(delay * 2, 10_000);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    client = c;
    try {
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`LISTEN ${channel}`);
      delay = 500;
      markConnected();
    } catch (err) {
      lost(err as Error);
    }
  }
  void connect();

  return {
    kind: 'postgres',
    async publish(channel, payload) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`bad channel ${channel}`);
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`pubsub payload too large (${channel})`);
      await sql`select pg_notify(${channel}, ${payload})`.execute(opts.db);
    },
    subscribe(channel, handler) {
      if (!CHANNEL_NAME.test(channel)) throw new Error(`bad channel ${channel}`);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        // a new channel on a live connection; a connection made later LISTENs to every channel
        if (client) void client.query(`LISTEN ${channel}`).catch(() => {});
      }
      set.add(handler);
      return () => set.delete(handler);
    },
    ready: () => connected,
    async close() {
      closed = true;
      const c = client;
      client = null;
      handlers.clear();
      if (c) await c.end().catch(() => {});
    },
  };
}
