/**
 * Search keys for Chinese question-and-answer text (the knowledge base and the inquiries), stored in a
 * `search_keys text[]` column with a GIN index and queried with `&&` (docs/decisions/015). pg_trgm does
 * not serve Chinese (docs DATABASE.md), so the application computes the keys, the same way on both sides:
 * - the words `Intl.Segmenter('zh', { granularity: 'word' })` finds (ICU's dictionary: 会员|卡|退费);
 * - every bigram of each run of Chinese characters (会员卡 -> 会员, 员卡), so a phrasing the dictionary
 *   cuts differently still meets (退卡 in a question, 退卡 inside 办理退卡手续);
 * - ASCII words lowercased (VIP -> vip).
 * Words that every question has (吗, 怎么, 请问, 我想) are dropped: they would make everything match.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ASCII_WORD = /^[a-z0-9]+$/;

/** Function words and question words of spoken Chinese; a key made only of them says nothing. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 嘛 哦 么 是 在 有 和 与 或 也 都 就 还 又 很 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 哪 哪个 ' +
    '请问 请 问 想 我想 想要 要 能 能不能 可以 可不可以 可否 会 会不会 怎么 怎样 怎么样 如何 什么 为什么 多少 几 吗？ 一下 一个 ' +
    '谢谢 您好 你好 好的 那么 然后 如果 因为 所以 现在 已经 没有 不 没 个 把 被 给 让 对 从 到 去 来 说 问下 问一下 ' +
    '我想问 想问 问问 我的 你们的 需要 应该 是不是 有没有'
  ).split(/\s+/),
);

function keep(key: string): boolean {
  return key.length > 0 && !STOP_WORDS.has(key);
}

/**
 * The keys of a text: words, Chinese bigrams, lowercased ASCII words; deduplicated. Stop words are
 * left out and also cut the runs the bigrams are taken from (我想退卡 gives 退卡, not 想退).
 */
export function textSearchKeys(text: string): string[] {
  const keys = new Set<string>();
  const runs: string[] = [];
  let run = '';
  const endRun = () => {
    if (run) runs.push(run);
    run = '';
  };
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    const word = s.segment.trim();
    const han = HAN_ONLY.test(word);
    if (!s.isWordLike || !keep(word) || !(han || ASCII_WORD.test(word))) {
      endRun();
      continue;
    }
    keys.add(word);
    if (han) run += word;
    else endRun();
  }
  endRun();
  for (const r of runs) {
    const chars = [...r];
    for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
  }
  return [...keys];
}

/** Keys of several texts together (a title and its question variants). */
export function keysOf(texts: readonly string[]): string[] {
  return [...new Set(texts.flatMap(textSearchKeys))];
}

/**
 * How much a query key counts (the SQL of the suggestions ranks the same way): a key of the title or a
 * question variant weighs 3, one found only in the answer or tags 1. A single character (卡, 课) says
 * little: 1 in a title, nothing elsewhere.
 */
export function keyWeight(key: string, where: 'title' | 'body'): number {
  const single = [...key].length === 1;
  if (where === 'title') return single ? 1 : 3;
  return single ? 0 : 1;
}
/** Below this score a suggestion is noise (one shared character, one bigram of an answer). */
export const MIN_SUGGESTION_SCORE = 3;

/** The score of one article for a query (pure twin of the SQL, for tests and for reasoning). */
export function matchScore(queryKeys: readonly string[], article: { titleKeys: readonly string[]; searchKeys: readonly string[] }): number {
  const title = new Set(article.titleKeys);
  const all = new Set(article.searchKeys);
  let score = 0;
  for (const k of new Set(queryKeys)) {
    if (title.has(k)) score += keyWeight(k, 'title');
    else if (all.has(k)) score += keyWeight(k, 'body');
  }
  return score;
}
