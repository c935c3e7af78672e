import { sql } from 'kysely'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import { creditCodeCheckChar } from './credit-code.ts'

const DEMO_CODE_BODY = '91110108MA01DEMQ8'
/** A made-up code with a right check character (no real company holds it). */
export const DEMO_CREDIT_CODE = `${DEMO_CODE_BODY}${creditCodeCheckChar(DEMO_CODE_BODY)}`

/**
 * Demo: the enterprise account administers a verified company with a road project at Mombasa
 * (away from Nairobi, so a demo alert over Nairobi reaches only sites registered there). Added
 * once: an account that already has an enterprise is left as it is.
 */
export async function seedEnterpriseDemo(ctx: AppContext, email: string): Promise<void> {
  const user = await ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()
  if (!user) return
  const has = await ctx.db
    .selectFrom('enterprise_members')
    .select('enterprise_id')
    .where('user_id', '=', user.id)
    .executeTakeFirst()
  if (has) return
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('enterprises')
      .select('id')
      .where('credit_code', '=', DEMO_CREDIT_CODE)
      .executeTakeFirst()
    const id = taken?.id ?? uuidv7()
    if (!taken) {
      await trx
        .insertInto('enterprises')
        .values({
          id,
          name: 'China Overseas Road and Bridge (demo)',
          name_zh: '中海路桥（演示）',
          credit_code: DEMO_CREDIT_CODE,
          province: 'CN-BJ',
          industry: 'construction',
          contact_name: 'Overseas Enterprise',
          contact_phone: '+8613800138000',
          contact_email: email,
          status: 'verified',
          created_by: user.id,
          verified_at: new Date(),
        })
        .execute()
      await trx
        .insertInto('enterprise_sites')
        .values({
          id: uuidv7(),
          enterprise_id: id,
          name: 'Mombasa port access road 蒙巴萨港口公路项目',
          kind: 'construction_site',
          country: 'KE',
          location: sql`ST_SetSRID(ST_MakePoint(39.6682, -4.0435), 4326)`,
          area: null,
          staff_chinese: 86,
          staff_local: 420,
          staff_other: 12,
          officer_name: 'Zhang Wei 张伟',
          officer_phone: '+254712345678',
          officer_email: email,
          measures: JSON.stringify({ guards: true, perimeter: true, medical: true }),
        })
        .execute()
    }
    await trx
      .insertInto('enterprise_members')
      .values({ enterprise_id: id, user_id: user.id, role: 'admin' })
      .onConflict((oc) => oc.doNothing())
      .execute()
  })
}
