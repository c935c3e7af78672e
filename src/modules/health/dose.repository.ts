import type { Db } from '../../database.ts'

/** A person's vaccination doses, oldest first. */
export function dosesOfPerson(db: Db, personId: string) {
  return db
    .selectFrom('health_doses')
    .select(['id', 'product', 'lot', 'dose_number', 'series_doses', 'date', 'site_id'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'v')
    .orderBy('date')
    .orderBy('id')
    .execute()
}

/** One dose with the site's mission and country (who follows up an adverse event). */
export function findDoseWithSite(db: Db, id: string) {
  return db
    .selectFrom('health_doses as d')
    .innerJoin('health_sites as s', 's.id', 'd.site_id')
    .select([
      'd.id',
      'd.person_id',
      'd.product',
      'd.lot',
      'd.date',
      'd.site_id',
      's.mission_code',
      's.country',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst()
}
