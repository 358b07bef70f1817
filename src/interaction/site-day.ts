import type { Tx } from '../store/index.ts'

/** The calendar day an instant falls on in a time zone (`2026-10-09`). */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone }).format(new Date(instant))
}

export async function siteTimeZone(tx: Pick<Tx, 'selectFrom'>, siteId: number): Promise<string> {
  const row = await tx.selectFrom('sites').select('time_zone').where('id', '=', siteId).executeTakeFirst()
  return row?.time_zone ?? 'Asia/Shanghai'
}
