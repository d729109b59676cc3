import type { Db } from '../../db/client';

/** An inquiry with its customer's and recorder's names, the article used and the article made of it. */
export function selectInquiries(db: Db) {
  return db
    .selectFrom('inquiries as i')
    .leftJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('users as u', 'u.id', 'i.recorded_by')
    .leftJoin('knowledge_articles as used', 'used.id', 'i.article_id')
    .leftJoin('knowledge_articles as made', 'made.source_inquiry_id', 'i.id')
    .selectAll('i')
    .select([
      'c.name as customer_name',
      'c.owner_id as customer_owner_id',
      'u.display_name as recorded_by_name',
      'used.title as article_title',
      'made.id as promoted_article_id',
    ]);
}
export type InquiryRow = Awaited<ReturnType<ReturnType<typeof selectInquiries>['executeTakeFirstOrThrow']>>;
