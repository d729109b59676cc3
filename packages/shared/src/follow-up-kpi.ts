import { rate } from './follow-up-outcome';

/**
 * Follow-up KPIs (SPEC §4, seed 000 #6/#10), pure: the server reads one row per task and agent that
 * had an attempt in the period, this counts them.
 * - success rate: reached tasks / attempted tasks. A task closed as "call back later" is not counted:
 *   it continues in its callback task, which is (the chain counts once).
 * - compliance rate (回访规范率): reached tasks whose record is complete and did not fail a spot check / reached
 * - invitation rate: invited / reached tasks whose record answered the invitation question
 */
export interface KpiFact {
  taskId: string;
  agentId: string | null;
  agentName: string | null;
  rule: string | null;
  campaignId: string | null;
  campaignName: string | null;
  status: string;
  reached: boolean;
  complete: boolean | null;
  checkOk: boolean | null;
  invited: boolean | null;
}

export interface KpiCounts {
  attempted: number;
  reached: number;
  compliant: number;
  invitationAsked: number;
  invited: number;
}

export type KpiGroup = 'agent' | 'rule' | 'campaign';

const empty = (): KpiCounts => ({ attempted: 0, reached: 0, compliant: 0, invitationAsked: 0, invited: 0 });

function add(c: KpiCounts, f: KpiFact) {
  if (f.status === 'rescheduled' && !f.reached) return;
  c.attempted += 1;
  if (!f.reached) return;
  c.reached += 1;
  if (f.complete && f.checkOk !== false) c.compliant += 1;
  if (f.invited !== null) {
    c.invitationAsked += 1;
    if (f.invited) c.invited += 1;
  }
}

/** One task counted once per group (two agents on one task each count it for themselves; a rule counts it once). */
function merge(facts: KpiFact[]): KpiFact[] {
  const byTask = new Map<string, KpiFact>();
  for (const f of facts) {
    const seen = byTask.get(f.taskId);
    // the record is the task's (the same on every row of it); reached by anyone is reached
    byTask.set(
      f.taskId,
      seen
        ? {
            ...seen,
            reached: seen.reached || f.reached,
            complete: seen.complete ?? f.complete,
            checkOk: seen.checkOk ?? f.checkOk,
            invited: seen.invited ?? f.invited,
          }
        : f,
    );
  }
  return [...byTask.values()];
}

export function keyOf(f: KpiFact, by: KpiGroup): string {
  if (by === 'agent') return f.agentId ?? 'none';
  if (by === 'rule') return f.rule ?? 'manual';
  return f.campaignId ?? 'none';
}

export function countKpis(facts: KpiFact[], by: KpiGroup): { groups: Map<string, KpiCounts>; total: KpiCounts } {
  const groups = new Map<string, KpiCounts>();
  const rows = by === 'agent' ? facts : merge(facts);
  for (const f of rows) {
    const key = keyOf(f, by);
    const c = groups.get(key) ?? empty();
    add(c, f);
    groups.set(key, c);
  }
  const total = empty();
  for (const f of merge(facts)) add(total, f);
  return { groups, total };
}

export function ratesOf(c: KpiCounts) {
  return {
    successRate: rate(c.reached, c.attempted),
    complianceRate: rate(c.compliant, c.reached),
    invitationRate: rate(c.invited, c.invitationAsked),
  };
}
