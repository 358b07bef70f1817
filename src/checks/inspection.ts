import {
  type Content,
  canManageSite,
  type Principal,
  type SiteRef,
  type WordingGate,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { inspectContent } from './inspect-content.ts'
import { inspectOutput } from './inspect-output.ts'
import type { InspectionReport } from './inspection-item.ts'

export interface InspectionOptions {
  /** Where a site's published files are, as the publisher writes them. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
}

/** The inspection self-check (检查指标自查) of one site, as its administrators run it. */
export interface Inspection {
  run(principal: Principal, site: SiteRef, at?: Date): Promise<InspectionReport>
}

export function createInspection(
  store: Store,
  content: Content,
  gate: WordingGate,
  options: InspectionOptions,
): Inspection {
  return {
    async run(principal, ref, at = new Date()) {
      const site = await content.sites.get(ref)
      if (!canManageSite(principal.access, site.id)) {
        if (principal.access.grants.some((grant) => grant.siteId === site.id || grant.siteId === null))
          throw new ForbiddenError('对此站点做检查指标自查', 'run the inspection self-check of this site')
        throw new NotFoundError('site', ref)
      }
      const now = at.toISOString()
      const columns = (await content.columns.tree(site.id)).all()
      const firstRun = await store.db
        .selectFrom('publish_runs')
        .select('finished_at')
        .where('site_id', '=', site.id)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
      const items = [
        ...(await inspectContent(
          store,
          { siteId: site.id, columns, now, firstPublishedAt: firstRun?.finished_at ?? null },
          gate,
        )),
        ...(await inspectOutput(site, options.outputRootFor(site.slug, site.outputPrefix))),
      ]
      return {
        site: site.slug,
        checkedAt: now,
        items,
        failed: items.filter((item) => item.isSingleVeto && item.status === 'fail').length,
      }
    },
  }
}
