import { z } from 'zod';

/**
 * Standard scripts (标准话术, seed 000): texts with variables the call screen fills in for the customer
 * on the line. The shipped ones are the seed's texts (migration 014); the manager edits them.
 */
export const SCRIPT_VARIABLES = ['title', 'name', 'agentNo', 'company', 'greeting'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export const SCRIPT_VARIABLE_LABELS: Record<ScriptVariable, { 'zh-CN': string; en: string }> = {
  title: { 'zh-CN': '称谓（先生/女士）', en: 'Title (先生/女士)' },
  name: { 'zh-CN': '姓 + 称谓（如 张先生）', en: 'Surname and title (张先生)' },
  agentNo: { 'zh-CN': '客服工号', en: 'Agent number' },
  company: { 'zh-CN': '公司名称', en: 'Company name' },
  greeting: { 'zh-CN': '问候语（按时段或节日）', en: 'Greeting (time of day or festival)' },
};

/** The scripts every department has from the start (codes other areas name, e.g. a follow-up rule's script_code). */
export const BUILTIN_SCRIPT_CODES = ['opening', 'holiday_opening', 'inquiry_call', 'order_confirmation', 'follow_up_opening'] as const;

const VARIABLE = /\{([^{}]*)\}/g;

/**
 * What is wrong with a script text: variables that are not known ({phone}), and braces that do not
 * close. Empty when the text can be saved.
 */
export function scriptProblems(body: string): { unknown: string[]; unbalanced: boolean } {
  const known = new Set<string>(SCRIPT_VARIABLES);
  const unknown = new Set<string>();
  for (const m of body.matchAll(VARIABLE)) if (!known.has(m[1]!)) unknown.add(m[1]!);
  const stripped = body.replace(VARIABLE, '');
  return { unknown: [...unknown], unbalanced: /[{}]/.test(stripped) };
}

/** The variables a text uses, in order of first use. */
export function scriptVariablesUsed(body: string): ScriptVariable[] {
  const used = new Set<ScriptVariable>();
  for (const m of body.matchAll(VARIABLE)) if ((SCRIPT_VARIABLES as readonly string[]).includes(m[1]!)) used.add(m[1] as ScriptVariable);
  return [...used];
}

const name = z.string().trim().min(1, { message: 'v.required' }).max(50, { message: 'v.too_long' });
const body = z.string().trim().min(1, { message: 'v.required' }).max(4000, { message: 'v.too_long' });

export const scriptCreateSchema = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,32}$/, { message: 'v.code' }),
  name,
  body,
});
export type ScriptCreate = z.infer<typeof scriptCreateSchema>;
export const scriptUpdateSchema = z.object({ name, body, version: z.number().int().min(1) });
export type ScriptUpdate = z.infer<typeof scriptUpdateSchema>;

export const scriptSchema = z.object({
  code: z.string(),
  name: z.string(),
  body: z.string(),
  builtin: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Script = z.infer<typeof scriptSchema>;

/** The department's facts the scripts need that no other area keeps (公司名称 of 这里是{company}). */
export const scriptSettingsSchema = z.object({
  companyName: z.string().trim().max(60, { message: 'v.too_long' }),
});
export type ScriptSettings = z.infer<typeof scriptSettingsSchema>;

export const scriptValuesSchema = z.object({
  title: z.string(),
  name: z.string(),
  agentNo: z.string(),
  company: z.string(),
  greeting: z.string(),
});

/** What the call screen shows: the text for this customer, and which values were not known. */
export const renderedScriptSchema = z.object({
  code: z.string(),
  name: z.string(),
  text: z.string(),
  values: scriptValuesSchema,
  missing: z.array(z.enum(SCRIPT_VARIABLES)),
  festival: z.string().nullable(),
});
export type RenderedScript = z.infer<typeof renderedScriptSchema>;

/** The facts behind the variables, for a live preview in the browser with the same pure function. */
export const scriptContextSchema = z.object({
  customer: z.object({ name: z.string(), title: z.enum(['mr', 'ms']).nullable() }).nullable(),
  agentNo: z.string().nullable(),
  company: z.string().nullable(),
  /** the department's local date (YYYY-MM-DD) and hour (0-23) now */
  localDate: z.string(),
  localHour: z.number().int(),
});
export type ScriptContext = z.infer<typeof scriptContextSchema>;
