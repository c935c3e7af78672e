import type { AppContext } from '../context.ts'
import { type MissionContacts, updateMissionContacts } from '../modules/reference/index.ts'

/**
 * Contact details for the demo missions: demonstration values, not the missions' real numbers.
 * Tokyo has a 24-hour consular protection line; Paris has none yet, so the app shows what it
 * says then (the office phone and the global hotline 12308). Written once: an officer's later
 * edit is kept.
 */
const DEMO_CONTACTS: Record<string, Partial<MissionContacts>> = {
  'JP-TYO-EMB': {
    phone: '+81 3 3403 3388',
    emergency_phone: '+81 3 3403 3065',
    email: 'consular.tokyo@demo.lingshi',
    hours: {
      'zh-CN': '周一至周五 9:00–12:00、14:00–17:00（演示数据）',
      en: 'Mon–Fri 9:00–12:00 and 14:00–17:00 (demo data)',
    },
  },
  'FR-PAR-EMB': {
    phone: '+33 1 49 52 19 50',
    emergency_phone: null,
    email: 'consular.paris@demo.lingshi',
    hours: { 'zh-CN': '周一至周五 9:30–12:00（演示数据）', en: 'Mon–Fri 9:30–12:00 (demo data)' },
  },
}

export async function seedDemoMissionContacts(ctx: AppContext): Promise<void> {
  for (const [code, contacts] of Object.entries(DEMO_CONTACTS))
    await updateMissionContacts(ctx.db, code, contacts, true)
}
