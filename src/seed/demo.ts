import { sql } from 'kysely'
import type { AppContext } from '../context.ts'
import { seedDemoCatalogue } from '../modules/applications/index.ts'
import { seedDemoCalendars } from '../modules/appointments/index.ts'
import { seedEnterpriseDemo } from '../modules/enterprises/index.ts'
import { seedHealthDemo } from '../modules/health/index.ts'
import { createAccount, type Role } from '../modules/identity/index.ts'
import { updateProfile } from '../modules/registrations/index.ts'
import { seedDemoAdvisories } from './demo-advisories.ts'
import { seedDemoMissionContacts } from './demo-missions.ts'

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
    {
      email: 'clinician.tokyo@demo.lingshi',
      name: 'Clinician Tokyo 驻日本使馆接种点医生',
      role: 'clinician',
      missions: ['JP-TYO-EMB'],
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
  await verifyDemoCitizens(ctx)
  const duty = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'duty@demo.lingshi')
    .executeTakeFirstOrThrow()
  await seedDemoAdvisories(ctx, duty.id)
  await seedDemoCatalogue(ctx)
  await seedDemoCalendars(ctx, duty.id)
  await seedDemoMissionContacts(ctx)
  await seedDemoHealth(ctx)
  await seedEnterpriseDemo(ctx, 'enterprise@demo.lingshi')
  return created
}

/** The demo citizen's verified phone: it signs in by texted code (the outbox shows the text). */
export const DEMO_CITIZEN_PHONE = '+8613700137000'

/** Demo citizens have proved their e-mail and phone, as appointments and sign-in by code ask. */
async function verifyDemoCitizens(ctx: AppContext): Promise<void> {
  const emails = DEMO_ACCOUNTS.filter((a) => a.role === 'citizen').map((a) => a.email)
  await ctx.db
    .updateTable('users')
    .set({ email_verified_at: sql`coalesce(email_verified_at, now())` })
    .where('email', 'in', emails)
    .execute()
  await ctx.db
    .updateTable('users')
    .set({ phone: DEMO_CITIZEN_PHONE, phone_verified_at: sql`coalesce(phone_verified_at, now())` })
    .where('email', '=', 'citizen@demo.lingshi')
    .where('phone', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('users as o').select('o.id').where('o.phone', '=', DEMO_CITIZEN_PHONE))),
    )
    .execute()
}

/** The PKI, a vaccination site at each demo mission, and the demo clinicians at theirs. */
async function seedDemoHealth(ctx: AppContext): Promise<void> {
  const missions = [...new Set(DEMO_ACCOUNTS.flatMap((a) => a.missions ?? []))]
  const clinicianAccounts = DEMO_ACCOUNTS.filter((a) => a.role === 'clinician')
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(
      'email',
      'in',
      clinicianAccounts.map((a) => a.email),
    )
    .execute()
  const clinicians = rows.flatMap((r) => {
    const mission = clinicianAccounts.find((a) => a.email === r.email)?.missions?.[0]
    return mission ? [{ userId: r.id, mission }] : []
  })
  await seedHealthDemo(ctx, missions, clinicians)
  const citizen = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'citizen@demo.lingshi')
    .executeTakeFirst()
  if (citizen) await updateProfile(ctx, citizen.id, DEMO_CITIZEN_PROFILE)
}

/** The demo citizen's passport details: what a clinician finds them by and a certificate carries. */
export const DEMO_CITIZEN_PROFILE = {
  nameLatin: 'LI MING',
  surname: 'LI',
  givenNames: 'MING',
  nameZh: '李明',
  dateOfBirth: '1990-03-15',
  passportNumber: 'EA1234567',
} as const
