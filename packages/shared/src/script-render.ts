import { festivalSeason, FESTIVAL_LABELS, type Festival } from './festivals';
import type { ScriptContext, ScriptVariable } from './script';
import { SCRIPT_VARIABLES } from './script';

/**
 * Filling in a script (标准话术, seed 000) for the customer on the line. Pure: the server and the
 * browser's live preview give the same text.
 */

/** Greetings of the festival season (seed 000: "**先生/女士，春节好"); the others as people say them. */
export const FESTIVAL_GREETINGS: Record<Festival, string> = {
  new_year: '元旦快乐',
  spring_festival: '春节好',
  labour_day: '五一快乐',
  mid_autumn: '中秋快乐',
  national_day: '国庆快乐',
};

/** 早上好 before 9, 上午好 before 11, 中午好 before 13, 下午好 before 18, then 晚上好 (also before 5). */
export function timeOfDayGreeting(hour: number): string {
  if (hour >= 5 && hour < 9) return '早上好';
  if (hour >= 9 && hour < 11) return '上午好';
  if (hour >= 11 && hour < 13) return '中午好';
  if (hour >= 13 && hour < 18) return '下午好';
  return '晚上好';
}

/** The festival greeting inside a festival's season (festivals.ts), otherwise the time of day's. */
export function greetingFor(localDate: string, localHour: number): { greeting: string; festival: Festival | null } {
  const season = festivalSeason(localDate);
  if (season) return { greeting: FESTIVAL_GREETINGS[season.festival], festival: season.festival };
  return { greeting: timeOfDayGreeting(localHour), festival: null };
}

// 复姓: read as one surname (欧阳娜娜 is 欧阳女士, not 欧女士)
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 南宫 西门 万俟 闻人 澹台 呼延 百里 东郭 太史 申屠 公羊 赫连'.split(
    ' ',
  ),
);

export function surnameOf(fullName: string): string {
  const name = fullName.replace(/\s+/g, '');
  if (!name) return '';
  if (!/^\p{Script=Han}/u.test(name)) return name; // a Latin name: no surname rule of ours applies
  const two = [...name].slice(0, 2).join('');
  return COMPOUND_SURNAMES.has(two) && [...name].length > 2 ? two : [...name][0]!;
}

const TITLE_WORDS = { mr: '先生', ms: '女士' } as const;

/**
 * The values of the variables. Seed 000: "根据对方应答判断客户性别，如果无法判断，则优先说'您好'": without
 * a title {name} stays empty (no 先生/女士 guessed); without a customer (an unknown caller) too.
 */
export function scriptValues(ctx: ScriptContext): { values: Record<ScriptVariable, string>; festival: Festival | null } {
  const title = ctx.customer?.title ? TITLE_WORDS[ctx.customer.title] : '';
  const surname = ctx.customer ? surnameOf(ctx.customer.name) : '';
  const { greeting, festival } = greetingFor(ctx.localDate, ctx.localHour);
  return {
    values: {
      title,
      name: title && surname ? `${surname}${title}` : '',
      agentNo: ctx.agentNo?.trim() ?? '',
      company: ctx.company?.trim() ?? '',
      greeting,
    },
    festival,
  };
}

/** The seed's own marks for what the agent says themselves (**先生, ***号): shown where a value is unknown. */
const UNKNOWN_MARK: Record<ScriptVariable, string> = { title: '', name: '', agentNo: '***', company: '***', greeting: '您好' };

/**
 * The text with its variables filled in. An empty {name} or {title} also drops the comma after it, so
 * "{name}，您好" reads "您好" as the seed says for an unknown caller. Unknown agent number or company keep
 * the seed's *** and are listed in `missing` so the screen can say what to fill in.
 */
export function renderScript(body: string, values: Record<ScriptVariable, string>): { text: string; missing: ScriptVariable[] } {
  const missing = new Set<ScriptVariable>();
  const text = body.replace(/\{([A-Za-z]+)\}([，,、\s]?)/g, (whole, name: string, after: string) => {
    if (!(SCRIPT_VARIABLES as readonly string[]).includes(name)) return whole;
    const v = name as ScriptVariable;
    const value = values[v];
    if (value) return value + after;
    missing.add(v);
    const mark = UNKNOWN_MARK[v];
    return mark ? mark + after : '';
  });
  return { text, missing: [...missing] };
}

/** Both steps: the facts to the text. */
export function renderScriptFor(
  body: string,
  ctx: ScriptContext,
): { text: string; missing: ScriptVariable[]; festival: Festival | null; values: Record<ScriptVariable, string> } {
  const { values, festival } = scriptValues(ctx);
  return { ...renderScript(body, values), festival, values };
}

export function festivalLabel(festival: Festival | null, lang: 'zh-CN' | 'en'): string | null {
  return festival ? FESTIVAL_LABELS[festival][lang] : null;
}
