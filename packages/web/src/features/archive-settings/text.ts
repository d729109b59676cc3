import type { TextTable } from '../../app/i18n/entry';

export const archiveSettingsText = {
  'archiveSettings.title': { 'zh-CN': '档案设置', en: 'Archive settings' },
  'archiveSettings.lists': { 'zh-CN': '客户名单规则', en: 'List rules' },
  'archiveSettings.churnRiskDays': { 'zh-CN': '流失风险天数', en: 'Churn-risk days' },
  'archiveSettings.churnRiskDays.help': {
    'zh-CN': '在册或沉睡客户超过这么多天没有联系，即列入“流失风险”名单（7-730 天）。',
    en: 'Active or dormant customers not contacted for this many days are on the churn-risk list (7-730).',
  },
  'archiveSettings.days': { 'zh-CN': '天', en: 'days' },
  'archiveSettings.bigCustomerTiers': { 'zh-CN': '大客户等级', en: 'Big-customer tiers' },
  'archiveSettings.bigCustomerTiers.help': { 'zh-CN': '这些等级的客户列入“大客户”名单。', en: 'Customers of these tiers are on the big-customer list.' },
  'archiveSettings.categories': { 'zh-CN': '客户分类与等级', en: 'Classes and tiers' },
  'archiveSettings.kind.class': { 'zh-CN': '分类', en: 'Classes' },
  'archiveSettings.kind.tier': { 'zh-CN': '等级', en: 'Tiers' },
  'archiveSettings.category.new': { 'zh-CN': '新增', en: 'Add' },
  'archiveSettings.category.edit': { 'zh-CN': '编辑', en: 'Edit' },
  'archiveSettings.category.code': { 'zh-CN': '代码', en: 'Code' },
  'archiveSettings.category.code.help': { 'zh-CN': '导入和接口使用的代码，保存后不能修改', en: 'Used by imports and the API; cannot be changed later' },
  'archiveSettings.category.labelZh': { 'zh-CN': '中文名称', en: 'Chinese name' },
  'archiveSettings.category.labelEn': { 'zh-CN': '英文名称', en: 'English name' },
  'archiveSettings.category.description': { 'zh-CN': '说明', en: 'Description' },
  'archiveSettings.category.sort': { 'zh-CN': '排序', en: 'Order' },
  'archiveSettings.category.active': { 'zh-CN': '启用', en: 'In use' },
  'archiveSettings.category.inactiveHelp': { 'zh-CN': '停用后不能再选择，已有客户保留原值', en: 'Once disabled it cannot be chosen; customers keep it' },
} satisfies TextTable;
