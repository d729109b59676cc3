import { maskPhone, type Interaction } from '@kefu/shared';
import type { RequestActor } from '../../lib/context';
import { canUpdateInteraction, seesInteractionNumber } from './interaction.policy';
import type { InteractionRow } from './interaction.repo';

/** The only way an interaction leaves the server: the call's number masked as the customer's numbers are. */
export function toInteraction(r: InteractionRow, actor: RequestActor): Interaction {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    channel: r.channel,
    direction: r.direction,
    agentId: r.agent_id,
    agentName: r.agent_name,
    startedAt: r.started_at.toISOString(),
    durationSeconds: r.duration_seconds,
    summary: r.summary,
    outcome: r.outcome,
    recordingRef: r.recording_ref,
    phone: r.phone && !seesInteractionNumber(actor, r) ? maskPhone(r.phone) : r.phone,
    callId: r.call_id,
    createdAt: r.created_at.toISOString(),
    version: r.version,
    abilities: { update: canUpdateInteraction(actor, r) },
  };
}
