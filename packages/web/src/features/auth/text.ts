import type { TextTable } from '../../app/i18n/entry';

export const authText = {
  'auth.title': { 'zh-CN': '登录', en: 'Sign in' },
  'auth.subtitle': { 'zh-CN': '请使用您的工作账号登录', en: 'Sign in with your work account' },
  'auth.username': { 'zh-CN': '用户名', en: 'Username' },
  'auth.password': { 'zh-CN': '密码', en: 'Password' },
  'auth.signIn': { 'zh-CN': '登录', en: 'Sign in' },
  'auth.required.username': { 'zh-CN': '请输入用户名', en: 'Enter your username' },
  'auth.required.password': { 'zh-CN': '请输入密码', en: 'Enter your password' },
  'auth.sessionEnded': { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has ended; please sign in again' },
  'auth.changePassword.title': { 'zh-CN': '修改密码', en: 'Change password' },
  'auth.changePassword.forced': {
    'zh-CN': '首次登录或密码已被重置，请先设置新密码再继续使用。',
    en: 'Your password was set by an administrator; choose a new one to continue.',
  },
  'auth.currentPassword': { 'zh-CN': '当前密码', en: 'Current password' },
  'auth.newPassword': { 'zh-CN': '新密码', en: 'New password' },
  'auth.confirmPassword': { 'zh-CN': '再次输入新密码', en: 'Repeat the new password' },
  'auth.passwordMismatch': { 'zh-CN': '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'auth.passwordChanged': { 'zh-CN': '密码已修改', en: 'Password changed' },
} satisfies TextTable;
