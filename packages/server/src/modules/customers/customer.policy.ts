import { allowedLifecycleActions, type LifecycleState } from '@kefu/shared';
import type { RequestActor } from '../../lib/context';

/**
 * Who may see and do what with a customer (SPEC §1):
 * - scope: `customer:read_all` sees every customer, otherwise only the ones the user owns;
 * - numbers: the owner sees them; everyone else sees them masked, and roles with `customer:reveal`
 *   may show them with one audited click;
 * - a closed (销户) or merged customer is read-only.
 */
export interface CustomerFacts {
  owner_id: string | null;
  lifecycle: LifecycleState;
  merged_into: string | null;
}

export function canSee(actor: RequestActor, c: CustomerFacts): boolean {
  if (!actor.permissions.has('customer:read')) return false;
  return actor.permissions.has('customer:read_all') || c.owner_id === actor.id;
}

export function seesNumbers(actor: RequestActor, c: CustomerFacts): boolean {
  return c.owner_id !== null && c.owner_id === actor.id;
}

export function abilities(actor: RequestActor, c: CustomerFacts) {
  const live = c.merged_into === null;
  const open = live && c.lifecycle !== 'closed';
  const p = actor.permissions;
  return {
    update: open && p.has('customer:update'),
    reveal: live && !seesNumbers(actor, c) && p.has('customer:reveal'),
    assign: open && p.has('customer:assign'),
    merge: open && p.has('customer:merge'),
    lifecycle: live
      ? allowedLifecycleActions(c.lifecycle).filter((a) => (a === 'close' || a === 'reopen' ? p.has('customer:close') : p.has('customer:update')))
      : [],
  };
}
