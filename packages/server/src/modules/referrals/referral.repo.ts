import type { Db } from '../../db/client';

/** Referrals with both customers' names (and owners, for the row scope) and the reward card's number. */
export function selectReferrals(db: Db) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('customers as a', 'a.id', 'r.referrer_id')
    .innerJoin('customers as b', 'b.id', 'r.referred_id')
    .leftJoin('cards as rc', 'rc.id', 'r.reward_card_id')
    .leftJoin('card_types as rt', 'rt.id', 'rc.type_id')
    .selectAll('r')
    .select([
      'a.name as referrer_name',
      'a.owner_id as referrer_owner',
      'b.name as referred_name',
      'b.owner_id as referred_owner',
      'rc.number as reward_card_number',
      'rt.kind as reward_kind',
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof selectReferrals>['executeTakeFirstOrThrow']>>;
