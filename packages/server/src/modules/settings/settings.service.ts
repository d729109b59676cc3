import { DEFAULT_ARCHIVE_SETTINGS, archiveSettingsSchema, type ArchiveSettings, type Category } from '@kefu/shared';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/context';
import { appendAudit } from '../audit';

/** Department settings: the archive's thresholds, the classification scheme and tiers. */
export function createSettingsService(deps: { db: Db }) {
  const { db } = deps;
  // Read on every list request: cached briefly; another instance's change is seen within the TTL.
  const TTL_MS = 30_000;
  let cached: { value: ArchiveSettings; at: number } | null = null;

  async function archive(): Promise<ArchiveSettings> {
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = await readArchive();
    cached = { value, at: Date.now() };
    return value;
  }

  async function readArchive(): Promise<ArchiveSettings> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'archive').executeTakeFirst();
    const parsed = archiveSettingsSchema.safeParse({ ...DEFAULT_ARCHIVE_SETTINGS, ...((row?.value as object) ?? {}) });
    return parsed.success ? parsed.data : DEFAULT_ARCHIVE_SETTINGS;
  }

  async function saveArchive(ctx: Ctx, value: ArchiveSettings): Promise<ArchiveSettings> {
    // an API key may change settings too; updated_by names users only (the audit row names the key)
    const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values({ key: 'archive', value: JSON.stringify(value), updated_by: updatedBy })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: updatedBy, updated_at: new Date() }))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.update', entityType: 'settings', entityId: 'archive', detail: { ...value } });
    });
    cached = null;
    return value;
  }

  async function categories(): Promise<Category[]> {
    const rows = await db.selectFrom('customer_categories').selectAll().orderBy('kind').orderBy('sort').orderBy('code').execute();
    return rows.map((r) => ({ kind: r.kind, code: r.code, labelZh: r.label_zh, labelEn: r.label_en, description: r.description, sort: r.sort, active: r.active }));
  }

  async function saveCategory(ctx: Ctx, c: Category): Promise<Category> {
    await db.transaction().execute(async (trx) => {
      const values = { label_zh: c.labelZh, label_en: c.labelEn, description: c.description, sort: c.sort, active: c.active };
      await trx
        .insertInto('customer_categories')
        .values({ kind: c.kind, code: c.code, ...values })
        .onConflict((oc) => oc.columns(['kind', 'code']).doUpdateSet(values))
        .execute();
      await appendAudit(trx, ctx, { action: 'settings.category', entityType: 'customer_category', entityId: `${c.kind}:${c.code}`, detail: { ...c } });
    });
    return c;
  }

  return { archive, saveArchive, categories, saveCategory };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
