import type { CallSignal } from '@kefu/shared';
import type { PubSub } from '../../lib/pubsub';

/** The channel every instance listens on; a message names the agent, the call and its state (ids only). */
export const CALLS_CHANNEL = 'kefu_calls';

export interface SignalMessage extends CallSignal {
  agentId: string;
}

export interface Stream {
  send(event: string, data: unknown, id?: string): void;
  close(): void;
}

/**
 * The browsers connected to THIS instance, by agent. Every instance hears every call signal (NOTIFY
 * reaches all listeners) and forwards it to the streams of that agent it holds, if any.
 */
export function createStreamRegistry(pubsub: PubSub) {
  const byAgent = new Map<string, Set<Stream>>();
  const unsubscribe = pubsub.subscribe(CALLS_CHANNEL, (payload) => {
    let msg: SignalMessage;
    try {
      msg = JSON.parse(payload) as SignalMessage;
    } catch {
      return;
    }
    const streams = byAgent.get(msg.agentId);
    if (!streams) return;
    const signal: CallSignal = { callId: msg.callId, state: msg.state, customerId: msg.customerId, at: msg.at };
    for (const s of streams) s.send('call', signal, `${msg.callId}:${msg.state}`);
  });

  return {
    add(agentId: string, stream: Stream): () => void {
      let set = byAgent.get(agentId);
      if (!set) byAgent.set(agentId, (set = new Set()));
      set.add(stream);
      return () => {
        set.delete(stream);
        if (!set.size) byAgent.delete(agentId);
      };
    },
    count: () => [...byAgent.values()].reduce((n, s) => n + s.size, 0),
    publish: (msg: SignalMessage) => pubsub.publish(CALLS_CHANNEL, JSON.stringify(msg)),
    closeAll() {
      unsubscribe();
      for (const set of byAgent.values()) for (const s of set) s.close();
      byAgent.clear();
    },
  };
}
export type StreamRegistry = ReturnType<typeof createStreamRegistry>;
