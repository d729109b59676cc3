import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { purgeIdempotencyKeys } from '../../lib/idempotency';
import { verifyLedger } from '../cards';
import type { FollowUpRuleService } from '../follow-up-rules';
import type { JobScheduler } from './job.scheduler';

/**
 * The department's scheduled work, in one place: the complaint watch (every minute), the card ledger's
 * nightly check, the follow-up rules (every quarter of an hour; the ones that look at the day, nightly).
 * Times of day are the department's (the business calendar's time zone).
 */
export function registerJobs(
  jobs: JobScheduler,
  deps: { db: Db; clock: Clock; complaints: { sweep(): Promise<unknown> }; followUpRules: FollowUpRuleService },
) {
  jobs.register({ name: 'complaints.watch', schedule: { everyMinutes: 1 }, leaseMinutes: 5, run: () => deps.complaints.sweep() });
  jobs.register({
    name: 'cards.nightly',
    schedule: { dailyAt: '02:30' },
    leaseMinutes: 30,
    run: async () => {
      const ledger = await verifyLedger(deps.db, deps.clock);
      const purged = await purgeIdempotencyKeys(deps.db, deps.clock.now());
      // a balance that differs from its entries is a failure the manager must see on the jobs page
      if (ledger.mismatches.length) throw new Error(`card ledger: ${ledger.mismatches.length} balance(s) differ from the sum of their entries`);
      return { cards: ledger.cards, purgedKeys: purged };
    },
  });
  jobs.register({
    name: 'follow_up_rules.frequent',
    schedule: { everyMinutes: 15 },
    leaseMinutes: 15,
    run: () => deps.followUpRules.runCadence('quarter_hour'),
  });
  jobs.register({ name: 'follow_up_rules.daily', schedule: { dailyAt: '01:30' }, leaseMinutes: 60, run: () => deps.followUpRules.runCadence('daily') });
}
