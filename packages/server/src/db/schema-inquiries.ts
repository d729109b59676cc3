import type { ColumnType, Generated } from 'kysely';

/** Tables of migration 014: inquiries, the knowledge base, the standard scripts. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface KnowledgeArticlesTable {
  id: Generated<string>;
  title: string;
  variants: string[];
  answer: string;
  category: string;
  tags: string[];
  status: 'draft' | 'published';
  title_keys: string[];
  search_keys: string[];
  source_inquiry_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InquiriesTable {
  id: Generated<string>;
  customer_id: string | null;
  interaction_id: string | null;
  question: string;
  answer: string;
  category: string;
  article_id: string | null;
  search_keys: string[];
  recorded_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface ScriptsTable {
  code: string;
  name: string;
  body: string;
  builtin: Generated<boolean>;
  sort: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface InquiriesTables {
  knowledge_articles: KnowledgeArticlesTable;
  inquiries: InquiriesTable;
  scripts: ScriptsTable;
}
