import { describe, expect, it } from 'vitest';
import { scriptProblems, scriptVariablesUsed } from '../src/script';
import { greetingFor, renderScriptFor, surnameOf, timeOfDayGreeting } from '../src/script-render';

// the seed's 常规开场白 and 重要节日开场白 (seed 000), as shipped in migration 014
const OPENING = '{name}，您好，这里是{company}，我是{agentNo}号客服人员。';
const HOLIDAY = '{name}，{greeting}，这里是{company}，我是{agentNo}号客服人员。';
const base = { agentNo: '007', company: '桔子树健身会所', localDate: '2026-10-09', localHour: 10 };

describe('rendering a script for the customer on the line', () => {
  it.each([
    ['surname and 先生', { name: '张三丰', title: 'mr' as const }, OPENING, '张先生，您好，这里是桔子树健身会所，我是007号客服人员。', []],
    ['surname and 女士', { name: '李娜', title: 'ms' as const }, OPENING, '李女士，您好，这里是桔子树健身会所，我是007号客服人员。', []],
    ['a compound surname', { name: '欧阳娜娜', title: 'ms' as const }, OPENING, '欧阳女士，您好，这里是桔子树健身会所，我是007号客服人员。', []],
    // seed 000: 如果无法判断（性别），则优先说“您好” — no 先生/女士 guessed, and the comma goes with the name
    ['no title', { name: '王芳', title: null }, OPENING, '您好，这里是桔子树健身会所，我是007号客服人员。', ['name']],
    ['no customer (an unknown caller)', null, HOLIDAY, '上午好，这里是桔子树健身会所，我是007号客服人员。', ['name']],
    ['{title} alone', { name: '赵六', title: 'mr' as const }, '{title}您好', '先生您好', []],
  ])('%s', (_label, customer, body, text, missing) => {
    const out = renderScriptFor(body, { ...base, customer });
    expect(out.text).toBe(text);
    expect(out.missing).toEqual(missing);
  });

  it('keeps the seed’s *** where the agent number or the company is not set, and says so', () => {
    const out = renderScriptFor(OPENING, { ...base, agentNo: null, company: '', customer: { name: '张三', title: 'mr' } });
    expect(out.text).toBe('张先生，您好，这里是***，我是***号客服人员。');
    expect(out.missing).toEqual(['company', 'agentNo']);
  });

  it.each([
    // time of day in the department's zone
    ['2026-10-09', 7, '早上好', null],
    ['2026-10-09', 10, '上午好', null],
    ['2026-10-09', 12, '中午好', null],
    ['2026-10-09', 15, '下午好', null],
    ['2026-10-09', 20, '晚上好', null],
    ['2026-10-09', 2, '晚上好', null],
    // festival seasons (a week before to 3 days after): 春节 2027 is 02-06, 中秋 2026 is 09-25
    ['2027-02-01', 10, '春节好', 'spring_festival'],
    ['2027-02-09', 20, '春节好', 'spring_festival'],
    ['2027-02-10', 20, '晚上好', null],
    ['2026-09-20', 15, '中秋快乐', 'mid_autumn'],
    ['2026-10-02', 9, '国庆快乐', 'national_day'],
    ['2026-12-30', 9, '元旦快乐', 'new_year'],
    ['2026-04-28', 9, '五一快乐', 'labour_day'],
  ])('%s at %i h greets %s', (date, hour, greeting, festival) => {
    expect(greetingFor(date, hour)).toEqual({ greeting, festival });
  });

  it('fills {greeting} in the holiday opening with the festival of the season', () => {
    const out = renderScriptFor(HOLIDAY, { ...base, localDate: '2027-02-05', customer: { name: '陈小明', title: 'mr' } });
    expect(out.text).toBe('陈先生，春节好，这里是桔子树健身会所，我是007号客服人员。');
    expect(out.festival).toBe('spring_festival');
  });

  it('reads surnames', () => {
    expect([surnameOf('张三'), surnameOf('司马相如'), surnameOf('欧阳'), surnameOf(' 李 四 '), surnameOf('Anna'), surnameOf('')]).toEqual([
      '张',
      '司马',
      '欧',
      '李',
      'Anna',
      '',
    ]);
    expect(timeOfDayGreeting(9)).toBe('上午好');
  });
});

describe('checking an edited script', () => {
  it.each([
    [OPENING, [], false],
    ['{name}您好，{phone}', ['phone'], false],
    ['{Name}{agent_no}', ['Name', 'agent_no'], false],
    ['{}', [''], false],
    ['您好{name', [], true],
    ['您好 name}', [], true],
    ['没有变量的话术', [], false],
  ])('%s', (body, unknown, unbalanced) => {
    expect(scriptProblems(body)).toEqual({ unknown, unbalanced });
  });

  it('lists the variables used, in order', () => {
    expect(scriptVariablesUsed(HOLIDAY)).toEqual(['name', 'greeting', 'company', 'agentNo']);
  });
});
