/** The ministry's four risk levels and the peers' equivalents (US State Dept 1–4, Smartraveller 1–4). */
export const LEVELS = [
  {
    level: 0,
    label: { 'zh-CN': '常规防范', en: 'Exercise normal precautions' },
    us: {
      level: 1,
      label: 'Exercise Normal Precautions',
      name: { 'zh-CN': '采取正常防范措施', en: 'Exercise Normal Precautions' },
    },
    smartraveller: {
      level: 1,
      label: 'Exercise normal safety precautions',
      name: { 'zh-CN': '采取正常安全防范措施', en: 'Exercise normal safety precautions' },
    },
  },
  {
    level: 1,
    label: { 'zh-CN': '注意安全', en: 'Pay attention to safety' },
    us: {
      level: 2,
      label: 'Exercise Increased Caution',
      name: { 'zh-CN': '提高警惕', en: 'Exercise Increased Caution' },
    },
    smartraveller: {
      level: 2,
      label: 'Exercise a high degree of caution',
      name: { 'zh-CN': '高度谨慎', en: 'Exercise a high degree of caution' },
    },
  },
  {
    level: 2,
    label: { 'zh-CN': '谨慎前往', en: 'Travel with caution' },
    us: { level: 3, label: 'Reconsider Travel', name: { 'zh-CN': '重新考虑出行', en: 'Reconsider Travel' } },
    smartraveller: {
      level: 3,
      label: 'Reconsider your need to travel',
      name: { 'zh-CN': '重新考虑出行的必要性', en: 'Reconsider your need to travel' },
    },
  },
  {
    level: 3,
    label: { 'zh-CN': '暂勿前往', en: 'Do not travel for now' },
    us: { level: 4, label: 'Do Not Travel', name: { 'zh-CN': '请勿前往', en: 'Do Not Travel' } },
    smartraveller: { level: 4, label: 'Do not travel', name: { 'zh-CN': '请勿前往', en: 'Do not travel' } },
  },
] as const

export function levelInfo(level: number) {
  const info = LEVELS[level]
  if (!info) throw new Error(`no risk level ${level}`)
  return info
}

/**
 * The peers' levels as equivalents of one of ours: a mapping of our level onto their scales,
 * never what the US or Australia themselves say about the country.
 */
export function peerEquivalents(level: number) {
  const info = levelInfo(level)
  const peer = (p: (typeof info)['us' | 'smartraveller']) => ({
    level: p.level,
    label: p.label,
    name: { ...p.name },
  })
  return { basis: 'equivalent' as const, us: peer(info.us), smartraveller: peer(info.smartraveller) }
}

/** What a country without a published advisory says: nothing about its risk, only that none is published. */
export const NO_ADVISORY_SUMMARY = {
  'zh-CN': '尚未发布该国家（地区）的旅行提醒。这不表示当地安全，请出行前登记行程并关注本页。',
  en: 'No advisory has been published for this country. That does not mean it is safe: register your trip before you go and check this page.',
}
