import type { MessageEntry } from './message-entry';

/** Messages of inquiries, the knowledge base and the standard scripts (SPEC §3), zh-CN first. */
export const INQUIRY_MESSAGES = {
  'v.inquiry_question': { 'zh-CN': '请填写客户的问题（2-500 个字）', en: 'Enter the caller’s question (2-500 characters)' },
  'v.inquiry_category': { 'zh-CN': '请选择咨询类别', en: 'Choose a category' },
  'v.article_title': { 'zh-CN': '标题为 2-100 个字', en: 'A title has 2-100 characters' },
  'v.article_answer': { 'zh-CN': '请填写答案', en: 'Enter the answer' },
  'inquiry.not_found': { 'zh-CN': '咨询记录不存在或无权查看', en: 'Inquiry not found, or you may not see it' },
  'inquiry.no_answer': { 'zh-CN': '这条咨询还没有答案，不能转为知识库条目', en: 'This inquiry has no answer yet, so it cannot become an article' },
  'inquiry.already_promoted': { 'zh-CN': '这条咨询已转为知识库条目', en: 'This inquiry has already been made into an article' },
  'inquiry.unknown_customer': { 'zh-CN': '客户不存在或无权查看', en: 'Customer not found, or you may not see them' },
  'knowledge.not_found': { 'zh-CN': '知识库条目不存在', en: 'Article not found' },
  'knowledge.version_conflict': {
    'zh-CN': '该条目刚被他人修改，您的修改未保存；请查看最新内容后再改',
    en: 'Someone else has just changed this article; your change was not saved. Review the latest version and try again',
  },
  'script.not_found': { 'zh-CN': '话术不存在', en: 'Script not found' },
  'script.code_taken': { 'zh-CN': '话术代码已被使用', en: 'That script code is already used' },
  'script.version_conflict': { 'zh-CN': '该话术刚被他人修改，请刷新后再改', en: 'Someone else has just changed this script; reload and try again' },
  'script.unknown_variable': {
    'zh-CN': '话术中有无法识别的变量：{names}；可用的变量为 {title} {name} {agentNo} {company} {greeting}',
    en: 'The script has unknown variables: {names}; the variables are {title} {name} {agentNo} {company} {greeting}',
  },
  'script.unbalanced_braces': {
    'zh-CN': '话术中的花括号没有成对出现，变量应写成 {name} 这样',
    en: 'The script has an unmatched brace; write variables like {name}',
  },
} satisfies Record<string, MessageEntry>;
