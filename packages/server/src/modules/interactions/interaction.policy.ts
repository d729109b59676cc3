import type { RequestActor } from '../../lib/context';

/**
 * Who sees an interaction (SPEC §1 scopes, as customers): `customer:read_all` sees every one; otherwise
 * the agent sees their own contacts and the contacts of the customers they own. A call from a number no
 * customer has is seen by its agent and by those who see everything. Not seen is 404.
 */
export interface InteractionFacts {
  agent_id: string | null;
  customer_owner_id: string | null;
}

export function seesAllInteractions(actor: RequestActor): boolean {
  return actor.permissions.has('customer:read_all');
}

export function canSeeInteraction(actor: RequestActor, i: InteractionFacts): boolean {
  if (!actor.permissions.has('interaction:read')) return false;
  return seesAllInteractions(actor) || i.agent_id === actor.id || (i.customer_owner_id !== null && i.customer_owner_id === actor.id);
}

/** The number of a call is shown to the customer's owner; an unknown caller's number to whoever sees the call. */
export function seesInteractionNumber(actor: RequestActor, i: InteractionFacts & { customer_id: string | null }): boolean {
  return i.customer_id === null || (i.customer_owner_id !== null && i.customer_owner_id === actor.id);
}

/** The summary and outcome are written by the agent of the contact, or by a supervisor who records. */
export function canUpdateInteraction(actor: RequestActor, i: InteractionFacts): boolean {
  return (
    actor.permissions.has('interaction:record') && canSeeInteraction(actor, i) && (i.agent_id === actor.id || seesAllInteractions(actor) || i.agent_id === null)
  );
}
