import type { Localized } from '../../platform/i18n/locale.ts'
import type { ApplicationStatus } from './applications.enums.ts'

/** Each status in words, as messages and the public status page show it. */
export const STATUS_WORDS: Readonly<Record<ApplicationStatus, Localized>> = {
  draft: { 'zh-CN': '草稿', en: 'draft' },
  submitted: { 'zh-CN': '已提交', en: 'submitted' },
  accepted: { 'zh-CN': '已受理', en: 'accepted for review' },
  returned: { 'zh-CN': '退回补正', en: 'returned for correction' },
  refused: { 'zh-CN': '不予受理', en: 'refused' },
  withdrawn: { 'zh-CN': '已撤回', en: 'withdrawn' },
  approved: { 'zh-CN': '审批通过', en: 'approved' },
  in_production: { 'zh-CN': '制证中', en: 'in production' },
  ready: { 'zh-CN': '可领取', en: 'ready for collection' },
  collected: { 'zh-CN': '已领取', en: 'collected' },
  posted: { 'zh-CN': '已寄出', en: 'posted' },
}

/** The message a citizen gets when their application moves. */
export function statusMessage(
  reference: string,
  to: ApplicationStatus,
  reason: string | null,
): { title: Localized; body: Localized } {
  const w = STATUS_WORDS[to]
  return {
    title: { 'zh-CN': `申请 ${reference}：${w['zh-CN']}`, en: `Application ${reference}: ${w.en}` },
    body: {
      'zh-CN': `您的申请 ${reference} 状态已更新为「${w['zh-CN']}」。${reason ? `原因：${reason}` : ''}`,
      en: `Your application ${reference} is now ${w.en}.${reason ? ` Reason: ${reason}` : ''}`,
    },
  }
}
