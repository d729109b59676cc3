import { describe, expect, it } from 'vitest';
import { keysOf, matchScore, MIN_SUGGESTION_SCORE, textSearchKeys } from '../src/knowledge-search';

const article = (title: string, variants: string[], answer: string) => ({
  titleKeys: keysOf([title, ...variants]),
  searchKeys: keysOf([title, ...variants, answer]),
});

describe('search keys of Chinese questions', () => {
  it('takes the segmenter’s words, every bigram, ASCII words lowercased, and no stop words', () => {
    const keys = textSearchKeys('会员卡怎么办理退费？VIP');
    expect(keys).toEqual(expect.arrayContaining(['会员', '卡', '办理', '退费', '员卡', '理退', 'vip']));
    expect(keys).not.toContain('怎么');
    expect(keys).not.toContain('？');
  });

  it('is the same for full-width and half-width forms', () => {
    expect(textSearchKeys('ＶＩＰ年卡')).toEqual(textSearchKeys('VIP年卡'));
  });

  it('gives nothing for a question made only of function words', () => {
    expect(textSearchKeys('请问，可以吗？')).toEqual([]);
  });
});

describe('scoring an article for what the agent types', () => {
  const refund = article('会员卡可以退费吗', ['退卡怎么办理', '卡里的钱能退吗'], '本会所执行不退费原则，未使用的课时可转让给亲友。');
  const hours = article('游泳馆几点开门', ['营业时间'], '每天早上 6 点到晚上 10 点。');
  it.each([
    // phrased differently from the title, found through the variants' words and bigrams
    ['我想退卡，钱能退吗', refund, true],
    ['你们几点开门', hours, true],
    // one shared character (卡) is not a suggestion
    ['VIP年卡多少钱', refund, false],
    // nothing in common
    ['停车场在哪里', hours, false],
    ['停车场在哪里', refund, false],
  ])('%s', (q, a, found) => {
    expect(matchScore(textSearchKeys(q), a) >= MIN_SUGGESTION_SCORE).toBe(found);
  });

  it('weighs the title above the answer', () => {
    const inTitle = article('游泳馆几点开门', [], '每天开放');
    const inAnswer = article('营业时间', [], '游泳馆早上6点开门');
    const q = textSearchKeys('游泳馆几点开门');
    expect(matchScore(q, inTitle)).toBeGreaterThan(matchScore(q, inAnswer));
  });
});
