import { describe, expect, it } from 'vitest';
import { customerSearchKeys, namePinyin, nameSyllables, parseSearchQuery } from '../src/search-keys';

describe('nameSyllables: surnames are read as surnames', () => {
  it.each([
    ['单雄信', 'shan xiong xin'],
    ['曾国藩', 'zeng guo fan'],
    ['解缙', 'xie jin'],
    ['仇英', 'qiu ying'],
    ['查良镛', 'zha liang yong'],
    ['区志伟', 'ou zhi wei'],
    ['朴槿惠', 'piao jin hui'],
    ['尉迟恭', 'yu chi gong'],
    ['长孙无忌', 'zhang sun wu ji'],
    ['万俟卨', 'mo qi xie'],
    ['张三', 'zhang san'],
    // the same characters later in a name keep their ordinary reading
    ['单单', 'shan dan'],
    ['曾曾', 'zeng ceng'],
    // ü is written v, as people type it
    ['吕布', 'lv bu'],
    [' 张 三 ', 'zhang san'],
    ['', ''],
  ])('%s -> %s', (name, expected) => {
    expect(nameSyllables(name).join(' ')).toBe(expected);
  });

  it('drops what is not Chinese from the pinyin', () => {
    expect(nameSyllables('张三A')).toEqual(['zhang', 'san']);
  });
});

describe('namePinyin', () => {
  it.each([
    ['张三丰', 'zhangsanfeng', 'zsf'],
    ['尉迟恭', 'yuchigong', 'ycg'],
    ['单田芳', 'shantianfang', 'stf'],
  ])('%s -> %s / %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });
});

describe('customerSearchKeys', () => {
  const keys = customerSearchKeys({ name: '张三丰', mobile: '13800138000', otherPhones: ['01088886666'], cardNumbers: ['VIP0042'] });

  it.each([
    ['the full name', '张三丰'],
    ['each character', '张'],
    ['each character', '丰'],
    ['each bigram', '张三'],
    ['each bigram', '三丰'],
    ['the mobile', '13800138000'],
    ['its last 4 digits', '8000'],
    ['another phone', '01088886666'],
    ['its last 4 digits', '6666'],
    ['card numbers, lower case', 'vip0042'],
  ])('has %s: %s', (_what, key) => {
    expect(keys).toContain(key);
  });

  it.each([
    ['pinyin (a btree column in the C collation serves it)', 'zhang'],
    ['initials (a btree column serves them)', 'zs'],
    ['a non-adjacent pair', '张丰'],
  ])('has no key for %s', (_what, key) => {
    expect(keys).not.toContain(key);
  });

  it('has no duplicates', () => {
    const k = customerSearchKeys({ name: '张三', mobile: '13800138000', otherPhones: ['13800138000'] });
    expect(new Set(k).size).toBe(k.length);
  });

  it('reads a compound surname as one surname in the pinyin columns', () => {
    expect(namePinyin('欧阳娜娜')).toEqual({ full: 'ouyangnana', initials: 'oynn' });
  });
});

describe('parseSearchQuery', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['？', { kind: 'empty' }],
    ['，。', { kind: 'empty' }],
    ['1234', { kind: 'phone_key', key: '1234' }],
    ['１２３４', { kind: 'phone_key', key: '1234' }],
    ['13800138000', { kind: 'phone_key', key: '13800138000' }],
    ['138 0013 8000', { kind: 'phone_key', key: '13800138000' }],
    ['138-0013-8000', { kind: 'phone_key', key: '13800138000' }],
    ['+86 138 0013 8000', { kind: 'phone_key', key: '13800138000' }],
    ['+8613800138000', { kind: 'phone_key', key: '13800138000' }],
    ['8613800138000', { kind: 'phone_key', key: '13800138000' }],
    ['008613800138000', { kind: 'phone_key', key: '13800138000' }],
    ['１３８００１３８０００', { kind: 'phone_key', key: '13800138000' }],
    ['138', { kind: 'phone_prefix', prefix: '138' }],
    ['13800', { kind: 'phone_prefix', prefix: '13800' }],
    ['(010) 8888', { kind: 'phone_prefix', prefix: '0108888' }],
    ['张', { kind: 'name', keys: ['张'], contains: '张' }],
    ['张三', { kind: 'name', keys: ['张三'], contains: '张三' }],
    ['张三丰', { kind: 'name', keys: ['张三', '三丰'], contains: '张三丰' }],
    ['张 三', { kind: 'name', keys: ['张三'], contains: '张三' }],
    ['娜娜娜', { kind: 'name', keys: ['娜娜'], contains: '娜娜娜' }],
    ['zs', { kind: 'pinyin', key: 'zs', first: 'initials' }],
    ['ZS', { kind: 'pinyin', key: 'zs', first: 'initials' }],
    ['ＺＳ', { kind: 'pinyin', key: 'zs', first: 'initials' }],
    ['Zhang San', { kind: 'pinyin', key: 'zhangsan', first: 'pinyin' }],
    ['zhan', { kind: 'pinyin', key: 'zhan', first: 'pinyin' }],
    ['lü', { kind: 'pinyin', key: 'lv', first: 'pinyin' }],
  ])('%j -> %j', (raw, expected) => {
    expect(parseSearchQuery(raw)).toEqual(expected);
  });

  it('every key a Chinese query asks for is a key of a name that contains it', () => {
    const keys = customerSearchKeys({ name: '欧阳娜娜' });
    for (const q of ['欧', '欧阳', '阳娜', '阳娜娜', '欧阳娜娜']) {
      const parsed = parseSearchQuery(q);
      if (parsed.kind !== 'name') throw new Error(q);
      expect(keys).toEqual(expect.arrayContaining(parsed.keys));
    }
  });
});
