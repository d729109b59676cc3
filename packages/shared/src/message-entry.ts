/** One message in every language the UI speaks. */
export type MessageEntry = { 'zh-CN': string; en: string };
