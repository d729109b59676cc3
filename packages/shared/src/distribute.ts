/**
 * Seed 004 第五篇 一.3: the supervisor spreads customers over agents "by current load".
 * Each customer goes to the agent with the fewest customers at that moment (ties: the order given),
 * so after the spread the loads differ by at most one wherever that is reachable.
 */
export function distributeByLoad(
  customerIds: readonly string[],
  agents: readonly { id: string; load: number }[],
): Map<string, string> {
  const loads = agents.map((a) => ({ ...a }));
  const result = new Map<string, string>();
  if (loads.length === 0) return result;
  for (const customerId of customerIds) {
    let min = loads[0]!;
    for (const a of loads) if (a.load < min.load) min = a;
    result.set(customerId, min.id);
    min.load += 1;
  }
  return result;
}
