import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, type App } from '../src/app';
import { parseMessage } from '../src/modules/telephony/ami.client';
import { buildCustomer, signIn, userClient, type Client } from './factories';
import { describeEachDb } from './helpers';
import { agentWithExtension } from './telephony-fixtures';

/**
 * A local peer that speaks the Asterisk Manager Interface as Asterisk does: the banner, Login checked
 * against its user and secret, Originate answered "queued" and remembered with all its fields.
 */
function amiPeer(user: string, secret: string) {
  const actions: Record<string, string>[] = [];
  const originates: { fields: [string, string][] }[] = [];
  const server: Server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.write('Asterisk Call Manager/5.0.1\r\n');
    let buf = '';
    let authed = false;
    socket.on('data', (chunk: string) => {
      buf += chunk;
      let end: number;
      while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 4);
        const msg = parseMessage(block);
        actions.push(msg);
        const reply = (lines: string[]) => socket.write(`${[...lines, `ActionID: ${msg.ActionID}`].join('\r\n')}\r\n\r\n`);
        if (msg.Action === 'Login') {
          authed = msg.Username === user && msg.Secret === secret;
          reply(authed ? ['Response: Success', 'Message: Authentication accepted'] : ['Response: Error', 'Message: Authentication failed']);
          if (!authed) socket.end();
        } else if (msg.Action === 'Originate') {
          originates.push({ fields: block.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]) });
          reply(authed ? ['Response: Success', 'Message: Originate successfully queued'] : ['Response: Error', 'Message: Permission denied']);
        } else if (msg.Action === 'Logoff') {
          reply(['Response: Goodbye', 'Message: Thanks for all the fish.']);
          socket.end();
        }
      }
    });
  });
  return {
    actions,
    originates,
    start: () => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port))),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describeEachDb('click-to-call through Asterisk AMI', (env) => {
  const peer = amiPeer('kefu', 's3cret');
  let port = 0;
  let dialApp: App;
  let wrongSecretApp: App;
  let unconfigured: App;
  let agent: Awaited<ReturnType<typeof agentWithExtension>>;
  let customer: { id: string; mobile: string };

  const appWith = async (ami: Parameters<typeof buildApp>[0]['ami']) => {
    const app = await buildApp({ ...env().app.deps, ami });
    await app.ready();
    return app;
  };
  const dial = async (app: App, who: Client, body: unknown) => signIn({ ...env(), app }, who.username).then((c) => c.post('/api/v1/telephony/dial', body));

  beforeAll(async () => {
    port = await peer.start();
    const cfg = { host: '127.0.0.1', port, username: 'kefu', secret: 's3cret', context: 'from-internal', callerId: 'Kefu <4008001234>' };
    dialApp = await appWith(cfg);
    wrongSecretApp = await appWith({ ...cfg, secret: 'wrong' });
    unconfigured = await appWith(null);
    agent = await agentWithExtension(env());
    customer = (await agent.client.post('/api/v1/customers', buildCustomer({ name: '孙悦', otherPhones: ['021-6666 8888'] }))).body;
  });
  afterAll(async () => {
    await Promise.all([dialApp.close(), wrongSecretApp.close(), unconfigured.close()]);
    await peer.stop();
  });

  it('logs in and originates: the agent’s extension first, then the customer’s real number', async () => {
    const res = await dial(dialApp, agent.client, { customerId: customer.id });
    expect(res.status).toBe(202);
    expect(res.body.callId).toMatch(/^kefu-/);
    const login = peer.actions.find((a) => a.Action === 'Login')!;
    expect(login).toMatchObject({ Username: 'kefu', Secret: 's3cret' });
    const fields = Object.fromEntries(peer.originates.at(-1)!.fields);
    expect(fields).toMatchObject({
      Action: 'Originate',
      ActionID: res.body.callId,
      Channel: `PJSIP/${agent.extension}`,
      Exten: customer.mobile,
      Context: 'from-internal',
      Priority: '1',
      CallerID: 'Kefu <4008001234>',
      Async: 'true',
      Variable: `KEFU_CALL_ID=${res.body.callId}`,
    });
    const call = await env().handle.db.selectFrom('telephony_calls').selectAll().where('call_id', '=', res.body.callId).executeTakeFirstOrThrow();
    expect(call).toMatchObject({ direction: 'outbound', state: 'dialing', agent_id: agent.user.id, customer_id: customer.id });
    const audit = await env()
      .handle.db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'telephony.dial')
      .where('entity_id', '=', customer.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('dials a masked number the agent cannot see: another phone of a customer in the manager’s scope', async () => {
    const manager = await agentWithExtension(env(), ['manager']);
    const res = await dial(dialApp, manager.client, { customerId: customer.id, phone: 0 });
    expect(res.status).toBe(202);
    // the manager reads it masked, the PBX gets the real one
    expect((await manager.client.get(`/api/v1/customers/${customer.id}`)).body.otherPhones).toEqual(['021****8888']);
    expect(Object.fromEntries(peer.originates.at(-1)!.fields).Exten).toBe('02166668888');
    expect((await dial(dialApp, manager.client, { customerId: customer.id, phone: 3 })).body.code).toBe('telephony.no_number');
  });

  it('a refused login answers a clear Chinese error, and the call is closed', async () => {
    const res = await dial(wrongSecretApp, agent.client, { customerId: customer.id });
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('telephony.login_failed');
    expect(res.body.title).toContain('电话系统拒绝登录');
    const open = await env()
      .handle.db.selectFrom('telephony_calls')
      .select('call_id')
      .where('agent_id', '=', agent.user.id)
      .where('state', '=', 'dialing')
      .execute();
    expect(open).toHaveLength(1); // only the first test's call
  });

  it('unconfigured telephony, no extension, no permission, not in scope: each its own answer', async () => {
    const res = await dial(unconfigured, agent.client, { customerId: customer.id });
    expect(res.status).toBe(409);
    expect(res.body.title).toContain('尚未配置电话系统');
    const noExtension = await userClient(env(), ['agent']);
    expect((await dial(dialApp, noExtension, { customerId: customer.id })).body.code).toBe('telephony.no_extension');
    const other = await agentWithExtension(env());
    expect((await dial(dialApp, other.client, { customerId: customer.id })).status).toBe(404);
    const archivist = await userClient(env(), ['handler']);
    expect((await dial(dialApp, archivist, { customerId: customer.id })).status).toBe(403);
  });
});
