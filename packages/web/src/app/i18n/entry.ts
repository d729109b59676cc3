export type TextEntry = { 'zh-CN': string; en: string };
export type TextTable = Record<string, TextEntry>;
