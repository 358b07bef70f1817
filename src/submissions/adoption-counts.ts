import type { Store } from '../store/index.ts'

/** How many articles a unit submitted (报送) in a period, and how many were adopted (采用) in it. */
export interface AdoptionCount {
  readonly sourceSiteId: number
  readonly sourceSiteName: string
  readonly submitted: number
  readonly adopted: number
}

export interface AdoptionPeriod {
  /** UTC instants, `from` included, `to` not. */
  readonly from: string
  readonly to: string
  /** Only adoptions by this receiving site; every site's when left out. */
  readonly targetSiteId?: number
}

/**
 * Submissions per unit (source site) sent within the period, and adoptions decided within it,
 * most adopted first: the number units
 * are assessed on. No permission check: callers (the report, statistics) make their own.
 *
 * @example adoptionCounts(store, { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' })
 */
export async function adoptionCounts(
  store: Store,
  period: AdoptionPeriod,
): Promise<readonly AdoptionCount[]> {
  const count = async (instant: 'submitted_at' | 'decided_at', adoptedOnly: boolean) => {
    let query = store.db
      .selectFrom('submissions')
      .innerJoin('sites', 'sites.id', 'submissions.source_site_id')
      .select(['submissions.source_site_id', 'sites.name', (eb) => eb.fn.countAll().as('count')])
      .where(`submissions.${instant}`, '>=', period.from)
      .where(`submissions.${instant}`, '<', period.to)
      .groupBy(['submissions.source_site_id', 'sites.name'])
    if (adoptedOnly) query = query.where('submissions.status', '=', 'adopted')
    if (period.targetSiteId !== undefined)
      query = query.where('submissions.target_site_id', '=', period.targetSiteId)
    return query.execute()
  }
  const units = new Map<
    number,
    { sourceSiteId: number; sourceSiteName: string; submitted: number; adopted: number }
  >()
  const unit = (row: { source_site_id: number; name: string }) => {
    let found = units.get(row.source_site_id)
    if (!found) {
      found = { sourceSiteId: row.source_site_id, sourceSiteName: row.name, submitted: 0, adopted: 0 }
      units.set(row.source_site_id, found)
    }
    return found
  }
  // PostgreSQL returns COUNT(*) as a string (bigint); convert so callers see numbers.
  for (const row of await count('submitted_at', false)) unit(row).submitted = Number(row.count)
  for (const row of await count('decided_at', true)) unit(row).adopted = Number(row.count)
  return [...units.values()].sort(
    (a, b) => b.adopted - a.adopted || b.submitted - a.submitted || a.sourceSiteId - b.sourceSiteId,
  )
}
