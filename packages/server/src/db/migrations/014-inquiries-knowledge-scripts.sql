-- Inquiries (咨询), the knowledge base (问题回答资料库) and the standard scripts (标准话术), SPEC §3.
-- Chinese text is searched through application-computed keys (shared/knowledge-search.ts: the
-- segmenter's words, bigrams, ASCII words) in a GIN index, queried with && (docs/decisions/015).

CREATE TABLE knowledge_articles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  variants text[] NOT NULL DEFAULT '{}', -- other ways callers ask the same question
  answer text NOT NULL,
  category text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  title_keys text[] NOT NULL DEFAULT '{}', -- keys of the title and the variants (weigh more)
  search_keys text[] NOT NULL DEFAULT '{}', -- keys of everything: title, variants, answer, tags
  -- the inquiry the supervisor made this article of: an inquiry becomes an article once
  source_inquiry_id uuid UNIQUE,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX knowledge_articles_search_keys_idx ON knowledge_articles USING gin (search_keys);
CREATE INDEX knowledge_articles_updated_idx ON knowledge_articles (updated_at DESC, id DESC);

CREATE TABLE inquiries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid REFERENCES customers(id), -- null: an anonymous caller
  interaction_id uuid, -- the call or visit it was asked in (the interactions area's id)
  question text NOT NULL,
  answer text NOT NULL DEFAULT '',
  category text NOT NULL,
  article_id uuid REFERENCES knowledge_articles(id), -- the article whose answer the agent used
  search_keys text[] NOT NULL DEFAULT '{}',
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
ALTER TABLE knowledge_articles ADD CONSTRAINT knowledge_articles_source_inquiry_fk FOREIGN KEY (source_inquiry_id) REFERENCES inquiries(id);
CREATE INDEX inquiries_created_idx ON inquiries (created_at DESC, id DESC);
CREATE INDEX inquiries_customer_idx ON inquiries (customer_id, created_at DESC);
CREATE INDEX inquiries_recorded_by_idx ON inquiries (recorded_by, created_at DESC);
CREATE INDEX inquiries_search_keys_idx ON inquiries USING gin (search_keys);

CREATE TABLE scripts (
  code text PRIMARY KEY, -- named by other areas (a follow-up task's script_code)
  name text NOT NULL,
  body text NOT NULL,
  builtin boolean NOT NULL DEFAULT false,
  sort integer NOT NULL DEFAULT 100,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- The seed's texts (seed 000 标准话术 一; seed 004 技巧 (1) 回访开头语), in simplified characters, with the
-- company, the agent's number and the customer's name as variables. Every department has them.
INSERT INTO scripts (code, name, body, builtin, sort) VALUES
('opening', '常规开场白',
 E'{name}，您好，这里是{company}，我是{agentNo}号客服人员。\n（电话接通后，根据对方应答判断客户性别，如果无法判断，则优先说“您好”，再次判断客户性别）',
 true, 1),
('holiday_opening', '重要节日开场白',
 E'{name}，{greeting}，这里是{company}，我是{agentNo}号客服人员。\n（国家法定节假日：元旦、春节、五一、中秋、国庆，需要有相应的节日问候语）',
 true, 2),
('inquiry_call', '客户咨询电话',
 E'您好，这里是{company}，我是{agentNo}号客服人员，请问有什么可以帮您？（说完停顿，待客人提出问题）\n（根据客户提问，详细地为顾客做出解答，并记录客户信息）\n客户未下单：感谢您的来电咨询，希望有机会再次为您服务。\n客户下单：感谢您的支持，这边会尽快为您安排，请问您是线上付款还是到付？（说完停顿，待客人回复）请问您的地址是？（说完停顿，待客人回复）请问收货人是您本人吗？（说完停顿，待客人回复）那现在和您核对一下购买信息：\n您下单的是：xxx /半停顿/ 地址是：xxx（小区名字）/半停顿/ 费用一共是xxx元 /半停顿/。有什么疑问您可以随时联系我。\n（结束语）嗯嗯，好的，我们会尽快为您安排，祝您生活愉快。',
 true, 3),
('order_confirmation', '订单确认电话',
 E'{name}，您好，这里是{company}，我是{agentNo}号客服人员。（说完停顿，客人不说话就继续下面：）\n您在我公司下了一个订单，给您打电话的目的是和您确认一下订单信息。（说完停顿，客人不说话就继续下面：）\n您下单的是：xxx /半停顿/ 地址是：xxx（小区名字）/半停顿/ 费用一共是xxx元 /半停顿/。有什么疑问您可以随时联系我。\n（结束语）嗯嗯，好的，我们会尽快为您安排，祝您生活愉快。',
 true, 4),
('follow_up_opening', '回访开头语',
 E'{name}，您好！我是{company}的{agentNo}号客服专员，不好意思打扰您了，您现在接电话方便吗？\n（客户不方便时）好的，那您先忙，不知道您什么时候方便我再给您回电话。\n（回访电话之前要和客户确认是否方便，是对客户基本的礼貌）',
 true, 5);
