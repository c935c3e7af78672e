import { type Kysely, sql } from 'kysely'

// The default catalogue (mission '*'): every mission offers these until an administrator edits
// its own copy. Fees in CNY as the ministry's schedule gives them; missions set their own currency.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into application_services (mission_code, code, fee_amount, fee_currency, processing_days,
      eligibility_zh, eligibility_en, uploads, requires_appointment, collection, photo_min_bytes, photo_max_bytes)
    values
      ('*', 'passport_renewal', 120, 'CNY', 15,
       '护照即将到期、已过期、签证页用完或个人资料变更的中国公民',
       'Chinese citizens whose passport is expiring or expired, has no pages left, or whose details changed',
       array['passport_data_page'], false, array['mission','post'], 10240, 5242880),
      ('*', 'passport_replacement', 120, 'CNY', 20,
       '护照遗失、被盗或损毁的中国公民',
       'Chinese citizens whose passport was lost, stolen or damaged',
       array['loss_report'], true, array['mission'], 10240, 5242880),
      ('*', 'passport_first', 120, 'CNY', 20,
       '在国外出生、父母至少一方为中国公民的儿童',
       'Children born abroad with at least one parent a Chinese citizen',
       array['birth_certificate','parent_passport','relationship_proof'], true, array['mission'], 10240, 5242880),
      ('*', 'travel_document', 100, 'CNY', 15,
       '短期内回国而无法及时取得护照的中国公民',
       'Chinese citizens who must travel to China soon and cannot get a passport in time',
       array['identity_proof'], false, array['mission'], 10240, 5242880)`.execute(db)
}
