import type { Locale } from '../../platform/i18n/locale.ts'

/** What the account's codes and links say, in the person's language. */
const TEXT = {
  en: {
    code: (code: string, what: string) =>
      `Lingshi: your code is ${code} (${what}). It works once, for 10 minutes. Never share it; consular staff will never ask for it.`,
    codeLogin: 'to sign in',
    codeVerify: 'to confirm this number',
    verifySubject: 'Confirm your e-mail address',
    verifyText: (link: string) =>
      `Open this link to confirm this address for your Lingshi account:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this message.`,
    resetSubject: 'Reset your password',
    resetText: (link: string) =>
      `Someone (hopefully you) asked to reset the password of the Lingshi account with this address. Choose a new password here:\n\n${link}\n\nThe link works once and expires in 1 hour; using it signs out every device. If you did not ask for it, ignore this message: your password stays as it is.`,
  },
  'zh-CN': {
    code: (code: string, what: string) =>
      `【领事】您的验证码为 ${code}（${what}），10分钟内有效，仅可使用一次。请勿告诉他人，领事人员不会向您索要验证码。`,
    codeLogin: '用于登录',
    codeVerify: '用于验证此号码',
    verifySubject: '请确认您的电子邮箱',
    verifyText: (link: string) =>
      `请打开以下链接，确认此邮箱用于您的领事服务账户：\n\n${link}\n\n链接仅可使用一次，24小时内有效。如非本人操作，请忽略本邮件。`,
    resetSubject: '重置密码',
    resetText: (link: string) =>
      `有人（希望是您本人）申请重置使用此邮箱的领事服务账户的密码。请在此设置新密码：\n\n${link}\n\n链接仅可使用一次，1小时内有效；重置后所有设备都将退出登录。如非本人操作，请忽略本邮件，您的密码不会改变。`,
  },
} as const

export function codeText(locale: Locale, code: string, purpose: 'phone_login' | 'phone_verify'): string {
  const t = TEXT[locale]
  return t.code(code, purpose === 'phone_login' ? t.codeLogin : t.codeVerify)
}

export function verifyEmailMail(locale: Locale, link: string) {
  return { subject: TEXT[locale].verifySubject, text: TEXT[locale].verifyText(link) }
}

export function resetPasswordMail(locale: Locale, link: string) {
  return { subject: TEXT[locale].resetSubject, text: TEXT[locale].resetText(link) }
}
