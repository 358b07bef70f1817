import {
  type Content,
  canManageSite,
  type Principal,
  type Site,
  type SiteRef,
  type WordingGate,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { accessibilitySample } from './accessibility-sample.ts'
import { inspectAccessibility } from './inspect-accessibility.ts'
import { inspectCases, type OverdueCase } from './inspect-cases.ts'
import { inspectContent } from './inspect-content.ts'
import { inspectOutput } from './inspect-output.ts'
import { inspectionChanges } from './inspection-changes.ts'
import { exportInspection, type InspectionFile, type InspectionFormat } from './inspection-export.ts'
import type { InspectionReport } from './inspection-item.ts'
import { DEFAULT_CHROMIUM } from './inspection-pdf.ts'
import {
  type InspectionRunSummary,
  latestInspectionRun,
  listInspectionRuns,
  previousInspectionRun,
  saveInspectionRun,
} from './inspection-runs.ts'

export interface InspectionOptions {
  /** Where a site's published files are, as the publisher writes them. */
  readonly outputRootFor: (siteSlug: string, outputPrefix: string) => string
  /** 政民互动's open cases past their due day; without it the item is not checked. */
  readonly overdueCases?: (principal: Principal, siteId: number) => Promise<readonly OverdueCase[]>
  /** Chromium for axe-core (default /usr/bin/chromium); null: never start a browser. */
  readonly chromiumPath?: string | null
}

/** The inspection self-check (检查指标自查) of one site, as its administrators run it. */
export interface Inspection {
  /** Runs every check as of `at`, compared with the newest stored run before it. */
  run(principal: Principal, site: SiteRef, at?: Date): Promise<InspectionReport>
  /** Runs and stores the run (the daily run, `fabu check --save`). */
  save(principal: Principal, site: SiteRef, at?: Date): Promise<InspectionReport>
  /**
   * The newest stored run if it is younger than `maxAgeHours`, else a quick run that starts no
   * browser and is not stored: a visit to the dashboard never waits for Chromium.
   */
  latest(principal: Principal, site: SiteRef, maxAgeHours?: number): Promise<InspectionReport>
  /** A new run as a file to hand in (HTML, xlsx, or PDF when Chromium is installed). */
  export(principal: Principal, site: SiteRef, format: InspectionFormat): Promise<InspectionFile>
  /** The stored runs, newest first. */
  runs(principal: Principal, site: SiteRef): Promise<readonly InspectionRunSummary[]>
}

const runBy = (principal: Principal) => `${principal.actor.name} (${principal.actor.id})`

export function createInspection(
  store: Store,
  content: Content,
  gate: WordingGate,
  options: InspectionOptions,
): Inspection {
  async function manageable(principal: Principal, ref: SiteRef): Promise<Site> {
    const site = await content.sites.get(ref)
    if (!canManageSite(principal.access, site.id)) {
      if (principal.access.grants.some((grant) => grant.siteId === site.id || grant.siteId === null))
        throw new ForbiddenError('对此站点做检查指标自查', 'run the inspection self-check of this site')
      throw new NotFoundError('site', ref)
    }
    return site
  }

  async function check(
    principal: Principal,
    site: Site,
    at: Date,
    isQuick = false,
  ): Promise<InspectionReport> {
    const now = at.toISOString()
    const columns = (await content.columns.tree(site.id)).all()
    const firstRun = await store.db
      .selectFrom('publish_runs')
      .select('finished_at')
      .where('site_id', '=', site.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
    const root = options.outputRootFor(site.slug, site.outputPrefix)
    const items = [
      ...(await inspectContent(
        store,
        { siteId: site.id, columns, now, firstPublishedAt: firstRun?.finished_at ?? null },
        gate,
      )),
      inspectCases(options.overdueCases ? await options.overdueCases(principal, site.id) : null, now),
      ...(await inspectOutput(site, root)),
      ...(await inspectAccessibility(
        site,
        root,
        await accessibilitySample(store, site.id),
        options.chromiumPath === undefined ? DEFAULT_CHROMIUM : options.chromiumPath,
        isQuick,
      )),
    ]
    const previous = await previousInspectionRun(store, site.id, now)
    return {
      site: site.slug,
      siteName: site.name,
      baseUrl: site.baseUrl,
      checkedAt: now,
      items,
      failed: items.filter((item) => item.isSingleVeto && item.status === 'fail').length,
      changes: previous ? inspectionChanges(previous, items) : null,
    }
  }

  return {
    async run(principal, ref, at = new Date()) {
      return check(principal, await manageable(principal, ref), at)
    },
    async save(principal, ref, at = new Date()) {
      const site = await manageable(principal, ref)
      const report = await check(principal, site, at)
      const runId = await saveInspectionRun(store, site.id, runBy(principal), report)
      return { ...report, runId }
    },
    async latest(principal, ref, maxAgeHours = 24) {
      const site = await manageable(principal, ref)
      const stored = await latestInspectionRun(store, site.id)
      const now = new Date()
      if (!stored || Date.parse(stored.checkedAt) < now.getTime() - maxAgeHours * 3_600_000) {
        return check(principal, site, now, true)
      }
      const previous = await previousInspectionRun(store, site.id, stored.checkedAt)
      return { ...stored, changes: previous ? inspectionChanges(previous, stored.items) : null }
    },
    async export(principal, ref, format) {
      const report = await check(principal, await manageable(principal, ref), new Date())
      return exportInspection(
        report,
        format,
        options.chromiumPath ? { chromiumPath: options.chromiumPath } : {},
      )
    },
    async runs(principal, ref) {
      const site = await manageable(principal, ref)
      return listInspectionRuns(store, site.id)
    },
  }
}
