/** The ministry's four risk levels and the peers' equivalents (US State Dept 1–4, Smartraveller 1–4). */
export const LEVELS = [
  {
    level: 0,
    label: { 'zh-CN': '常规防范', en: 'Exercise normal precautions' },
    us: { level: 1, label: 'Exercise Normal Precautions' },
    smartraveller: { level: 1, label: 'Exercise normal safety precautions' },
  },
  {
    level: 1,
    label: { 'zh-CN': '注意安全', en: 'Pay attention to safety' },
    us: { level: 2, label: 'Exercise Increased Caution' },
    smartraveller: { level: 2, label: 'Exercise a high degree of caution' },
  },
  {
    level: 2,
    label: { 'zh-CN': '谨慎前往', en: 'Travel with caution' },
    us: { level: 3, label: 'Reconsider Travel' },
    smartraveller: { level: 3, label: 'Reconsider your need to travel' },
  },
  {
    level: 3,
    label: { 'zh-CN': '暂勿前往', en: 'Do not travel for now' },
    us: { level: 4, label: 'Do Not Travel' },
    smartraveller: { level: 4, label: 'Do not travel' },
  },
] as const

export function levelInfo(level: number) {
  const info = LEVELS[level]
  if (!info) throw new Error(`no risk level ${level}`)
  return info
}

export const DEFAULT_SUMMARY = {
  'zh-CN': '目前未发布特别安全提醒。请注意常规安全防范，出行前登记行程。',
  en: 'No special advisory is in force. Exercise normal precautions and register your trip before you go.',
}
