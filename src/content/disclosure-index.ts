import { ValidationError } from '../errors/index.ts'
import type { SiteRow, Tx } from '../store/index.ts'

/**
 * Hands out the next 索引号 of a site for a year, `<org code>/<year>-<serial>`. The counter
 * row is created if missing and then incremented under its row lock, so concurrent
 * creations on PostgreSQL queue up instead of taking the same serial.
 */
export async function nextIndexNo(tx: Tx, site: SiteRow, year: number): Promise<string> {
  if (!site.org_code) {
    throw new ValidationError(
      'orgCode',
      `站点「${site.name}」未设置机构代码，无法生成索引号`,
      `site "${site.name}" has no organisation code for index numbers`,
    )
  }
  await tx
    .insertInto('disclosure_serials')
    .values({ site_id: site.id, year, last_serial: 0 })
    .onConflict((conflict) => conflict.columns(['site_id', 'year']).doNothing())
    .execute()
  const counter = await tx
    .updateTable('disclosure_serials')
    .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
    .where('site_id', '=', site.id)
    .where('year', '=', year)
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return `${site.org_code}/${year}-${String(counter.last_serial).padStart(5, '0')}`
}
