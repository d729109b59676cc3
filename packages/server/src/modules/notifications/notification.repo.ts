import type { Db } from '../../db/client';

export interface NewNotification {
  userId: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  /** "tell once": a second insert with the same key (another instance, a second sweep) does nothing */
  dedupeKey: string;
}

/**
 * Other modules tell people through this (via the module's index), in their transaction or after
 * their commit. Rows whose dedupe key exists already are skipped; answers how many were new.
 */
export async function insertNotifications(db: Db, rows: NewNotification[], at: Date): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('notifications')
      .values(
        rows.slice(i, i + 500).map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          params: JSON.stringify(n.params),
          link: n.link,
          dedupe_key: n.dedupeKey,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .execute();
    inserted += result.length;
  }
  return inserted;
}
