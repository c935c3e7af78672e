import type { AppContext } from '../context.ts'
import { seedDemoCatalogue } from '../modules/applications/index.ts'
import { createAccount, type Role } from '../modules/identity/index.ts'
import { seedDemoAdvisories } from './demo-advisories.ts'

export const DEMO_PASSWORD = 'lingshi-demo'

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; missions?: string[] }> =
  [
    { email: 'admin@demo.lingshi', name: 'Admin 管理员', role: 'admin' },
    { email: 'duty@demo.lingshi', name: 'Duty Officer 值班领导', role: 'duty_officer' },
    { email: 'operator@demo.lingshi', name: 'Hotline Operator 热线接线员', role: 'operator' },
    {
      email: 'officer.tokyo@demo.lingshi',
      name: 'Officer Tokyo 驻日本使馆领事',
      role: 'officer',
      missions: ['JP-TYO-EMB'],
    },
    {
      email: 'officer.paris@demo.lingshi',
      name: 'Officer Paris 驻法国使馆领事',
      role: 'officer',
      missions: ['FR-PAR-EMB'],
    },
    { email: 'citizen@demo.lingshi', name: 'Li Ming 李明', role: 'citizen' },
    { email: 'enterprise@demo.lingshi', name: 'Overseas Enterprise 海外企业安全员', role: 'enterprise' },
  ]

/** Demo accounts, created once: an account that exists is left as it is. */
export async function seedDemo(ctx: AppContext): Promise<number> {
  let created = 0
  const existing = new Set(
    (
      await ctx.db
        .selectFrom('users')
        .select('email')
        .where(
          'email',
          'in',
          DEMO_ACCOUNTS.map((a) => a.email),
        )
        .execute()
    ).map((r) => r.email),
  )
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.email)) continue
    await createAccount(
      ctx,
      { ...account, password: DEMO_PASSWORD },
      { userId: null, roles: [], ip: null },
      { skipPasswordPolicy: true },
    )
    created++
  }
  const duty = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'duty@demo.lingshi')
    .executeTakeFirstOrThrow()
  await seedDemoAdvisories(ctx, duty.id)
  await seedDemoCatalogue(ctx)
  return created
}
