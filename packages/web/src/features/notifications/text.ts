import type { TextTable } from '../../app/i18n/entry';

export const notificationText = {
  'notifications.title': { 'zh-CN': '通知', en: 'Notifications' },
  'notifications.open': { 'zh-CN': '打开通知', en: 'Open notifications' },
  'notifications.readAll': { 'zh-CN': '全部标为已读', en: 'Mark all read' },
  'notifications.empty': { 'zh-CN': '暂无通知', en: 'No notifications' },
  'notifications.titleUnread': { 'zh-CN': '通知（{n} 条未读）', en: 'Notifications ({n} unread)' },
} satisfies TextTable;
