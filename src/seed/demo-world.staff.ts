import type { AppContext } from '../context.ts'
import { accountIdsByEmail } from '../modules/identity/index.ts'
import type { Principal } from '../platform/http/access.ts'
import { DEMO_ACCOUNTS } from './demo.ts'

export interface DemoStaff {
  readonly duty: Principal
  readonly operator: Principal
  readonly officerTokyo: Principal
  readonly officerParis: Principal
  readonly citizenId: string
}

const EMAILS = {
  duty: 'duty@demo.lingshi',
  operator: 'operator@demo.lingshi',
  officerTokyo: 'officer.tokyo@demo.lingshi',
  officerParis: 'officer.paris@demo.lingshi',
} as const

/** What the demo accounts act as when the demo world is written through the modules' services. */
export async function demoStaff(ctx: AppContext): Promise<DemoStaff> {
  const ids = await accountIdsByEmail(ctx.db, [...Object.values(EMAILS), 'citizen@demo.lingshi'])
  const principal = (email: string): Principal => {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email)
    const userId = ids.get(email)
    if (!account || !userId)
      throw new Error(`the demo account ${email} is missing: seed the demo accounts first`)
    return {
      userId,
      sessionId: 'demo-seed',
      roles: [account.role],
      missions: account.missions ?? [],
      mfaPending: false,
    }
  }
  const citizenId = ids.get('citizen@demo.lingshi')
  if (!citizenId) throw new Error('the demo citizen is missing: seed the demo accounts first')
  return {
    duty: principal(EMAILS.duty),
    operator: principal(EMAILS.operator),
    officerTokyo: principal(EMAILS.officerTokyo),
    officerParis: principal(EMAILS.officerParis),
    citizenId,
  }
}
