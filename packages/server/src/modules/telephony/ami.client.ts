import { createConnection, type Socket } from 'node:net';
import { AppError } from '../../lib/errors';

/**
 * A small Asterisk Manager Interface client, enough for click-to-call: connect, read the banner
 * ("Asterisk Call Manager/5.0.x"), `Login`, `Originate` (Async), `Logoff`. The protocol is lines of
 * `Key: Value` ended by a blank line; every action carries an ActionID and its response echoes it.
 * One short connection per call placed: dialling is rare next to the events, and nothing is left open.
 */
export interface AmiConfig {
  host: string;
  port: number;
  username: string;
  secret: string;
  /** the dialplan context the customer's number is dialled in (e.g. from-internal) */
  context: string;
  /** what the agent's phone shows while it rings first, e.g. "Kefu <400>" */
  callerId: string;
  /** PJSIP (default) or SIP: the technology of agents' extensions */
  channelTech?: string;
  timeoutMs?: number;
}

/** From the environment (KEFU_AMI_HOST, _PORT, _USER, _SECRET, _CONTEXT, _CALLER_ID); null when unset. */
export function amiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AmiConfig | null {
  if (!env.KEFU_AMI_HOST || !env.KEFU_AMI_USER) return null;
  return {
    host: env.KEFU_AMI_HOST,
    port: Number(env.KEFU_AMI_PORT ?? 5038),
    username: env.KEFU_AMI_USER,
    secret: env.KEFU_AMI_SECRET ?? '',
    context: env.KEFU_AMI_CONTEXT ?? 'from-internal',
    callerId: env.KEFU_AMI_CALLER_ID ?? 'Kefu',
    channelTech: env.KEFU_AMI_CHANNEL_TECH ?? 'PJSIP',
  };
}

export type AmiMessage = Record<string, string>;

/** `Key: Value` lines to a message; values must not break the framing. */
export function formatAction(fields: [string, string][]): string {
  for (const [k, v] of fields) if (/[\r\n]/.test(k + v)) throw new AppError('telephony.originate_failed', 502, { reason: 'bad field' });
  return `${fields.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

export function parseMessage(block: string): AmiMessage {
  const msg: AmiMessage = {};
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) msg[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return msg;
}

/** Reads the banner, then messages; waits for the response of one ActionID. */
class AmiConnection {
  private buffer = '';
  private banner: string | null = null;
  private waiters: { test: (m: AmiMessage | null) => boolean; resolve: (m: AmiMessage) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;
  private bannerWaiter: ((b: string) => void) | null = null;

  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.take(chunk));
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiters.splice(0)) w.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  private take(chunk: string) {
    this.buffer += chunk;
    if (this.banner === null) {
      const nl = this.buffer.indexOf('\n');
      if (nl < 0) return;
      this.banner = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      this.bannerWaiter?.(this.banner);
    }
    let end: number;
    while ((end = this.buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      if (!block.trim()) continue;
      const msg = parseMessage(block);
      const i = this.waiters.findIndex((w) => w.test(msg));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(msg);
    }
  }

  readBanner(): Promise<string> {
    if (this.banner !== null) return Promise.resolve(this.banner);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.bannerWaiter = resolve;
      this.waiters.push({ test: () => false, resolve: () => {}, reject });
    });
  }

  send(fields: [string, string][]): Promise<AmiMessage> {
    const actionId = fields.find(([k]) => k === 'ActionID')?.[1];
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push({ test: (m) => m !== null && 'Response' in m && m.ActionID === actionId, resolve, reject });
      this.socket.write(formatAction(fields));
    });
  }
}

function connect(cfg: AmiConfig): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: cfg.host, port: cfg.port });
    socket.setTimeout(cfg.timeoutMs ?? 5000, () => socket.destroy(new Error('timeout')));
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

export interface OriginateRequest {
  actionId: string;
  extension: string;
  number: string;
  variables?: Record<string, string>;
}

/**
 * Rings the agent's extension first; when they pick up, Asterisk dials `number` in the configured
 * context (`Async: true`: the answer says the call is queued, progress comes as events).
 */
export async function amiOriginate(cfg: AmiConfig, req: OriginateRequest): Promise<void> {
  let socket: Socket;
  try {
    socket = await connect(cfg);
  } catch {
    throw new AppError('telephony.unreachable', 502);
  }
  const conn = new AmiConnection(socket);
  try {
    const banner = await conn.readBanner().catch(() => '');
    if (!banner.startsWith('Asterisk Call Manager')) throw new AppError('telephony.unreachable', 502);
    const login = await conn.send([
      ['Action', 'Login'],
      ['ActionID', `${req.actionId}-login`],
      ['Username', cfg.username],
      ['Secret', cfg.secret],
      ['Events', 'off'],
    ]);
    if (login.Response !== 'Success') throw new AppError('telephony.login_failed', 502);
    const fields: [string, string][] = [
      ['Action', 'Originate'],
      ['ActionID', req.actionId],
      ['Channel', `${cfg.channelTech ?? 'PJSIP'}/${req.extension}`],
      ['Exten', req.number],
      ['Context', cfg.context],
      ['Priority', '1'],
      ['CallerID', cfg.callerId],
      ['Timeout', '30000'],
      ['Async', 'true'],
      ...Object.entries(req.variables ?? {}).map(([k, v]): [string, string] => ['Variable', `${k}=${v}`]),
    ];
    const res = await conn.send(fields);
    if (res.Response !== 'Success') throw new AppError('telephony.originate_failed', 502, { reason: res.Message ?? res.Response ?? '?' });
    await Promise.race([
      conn.send([
        ['Action', 'Logoff'],
        ['ActionID', `${req.actionId}-logoff`],
      ]),
      new Promise((r) => setTimeout(r, 200)),
    ]).catch(() => {});
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('telephony.unreachable', 502);
  } finally {
    socket.destroy();
  }
}
