import type { AppContext } from '../context.ts'
import { publishDraft, saveDraft } from '../modules/advisories/index.ts'

/**
 * A handful of published levels so that a newcomer's map is not all one colour. They are
 * demonstration data, marked as such in their text, not the Ministry's current advice.
 */
const DEMO_LEVELS: ReadonlyArray<{ country: string; level: number }> = [
  { country: 'AF', level: 3 },
  { country: 'SD', level: 3 },
  { country: 'YE', level: 3 },
  { country: 'HT', level: 3 },
  { country: 'ML', level: 2 },
  { country: 'MM', level: 2 },
  { country: 'NG', level: 1 },
  { country: 'PH', level: 1 },
  { country: 'ZA', level: 1 },
]

const SUMMARY = [
  { 'zh-CN': '演示数据：请注意常规安全防范。', en: 'Demo data: exercise normal precautions.' },
  {
    'zh-CN': '演示数据：当地治安形势复杂，请注意安全。',
    en: 'Demo data: crime is common in places; pay attention to your safety.',
  },
  {
    'zh-CN': '演示数据：局势不稳定，请谨慎前往。',
    en: 'Demo data: the situation is unstable; travel with caution.',
  },
  {
    'zh-CN': '演示数据：存在严重安全风险，暂勿前往。',
    en: 'Demo data: serious security risks; do not travel for now.',
  },
] as const

const ADVICE = {
  'zh-CN': {
    safety: '演示数据：避免前往人群聚集场所，夜间减少外出，随身携带证件复印件。',
    contacts: '当地报警电话请查询当地政府网站。24 小时领事保护热线：+86-10-12308。',
  },
  en: {
    safety:
      'Demo data: avoid crowds and demonstrations, limit travel after dark, carry a copy of your passport.',
    contacts:
      'Check local emergency numbers with the local authorities. 24-hour consular hotline: +86-10-12308.',
  },
}

/** Publishes the demo levels once: countries that already have a published version are left alone. */
export async function seedDemoAdvisories(ctx: AppContext, dutyOfficerId: string): Promise<number> {
  const published = new Set(
    (
      await ctx.db
        .selectFrom('advisory_versions')
        .select('country')
        .where('status', '=', 'published')
        .execute()
    ).map((r) => r.country),
  )
  const principal = {
    userId: dutyOfficerId,
    sessionId: 'seed',
    roles: ['duty_officer'],
    missions: [],
    mfaPending: false,
  }
  let count = 0
  for (const { country, level } of DEMO_LEVELS) {
    if (published.has(country)) continue
    const summary = SUMMARY[level] ?? SUMMARY[0]
    await saveDraft(ctx, principal, country, { level, summary: { ...summary }, advice: ADVICE })
    await publishDraft(ctx, principal, country)
    count++
  }
  return count
}
