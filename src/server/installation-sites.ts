import { join } from 'node:path'
import type { Content } from '../content/index.ts'
import { oldUrlLookup } from '../importers/index.ts'
import { createPublicDesk, type Interaction } from '../interaction/index.ts'
import type { Store } from '../store/index.ts'
import { type ServedSite, SiteDirectory, type SiteDirectoryOptions } from './site-directory.ts'

export interface InstallationSitesOptions extends SiteDirectoryOptions {
  readonly store: Store
  readonly content: Content
  /** The data folder: site `s` is published under `<dataDir>/sites/s/<outputPrefix>`. */
  readonly dataDir: string
  /** 政民互动: each site's letter and application forms; without it no site has forms. */
  readonly interaction?: Interaction
  /** Called with every site each time the list is read (fabu serve fills in preview origins). */
  readonly onSite?: (site: ServedSite) => void
}

/**
 * Every site of the installation as the public server serves it, read again every couple of
 * seconds so that a site created in the admin is served without a restart. A site keeps its
 * form desk (and the desk's throttles) and its old-URL map until its settings change.
 */
export function installationSites(options: InstallationSitesOptions): SiteDirectory {
  const extrasOf = new Map<number, { readonly updatedAt: string; readonly extras: Partial<ServedSite> }>()
  return new SiteDirectory(async () => {
    const sites = await options.content.sites.list()
    return sites.map((site) => {
      let known = extrasOf.get(site.id)
      if (known?.updatedAt !== site.updatedAt) {
        known = {
          updatedAt: site.updatedAt,
          extras: {
            movedTo: oldUrlLookup(options.store, options.content, site.id),
            ...(options.interaction ? { interaction: createPublicDesk(options.interaction, site) } : {}),
          },
        }
        extrasOf.set(site.id, known)
      }
      const url = new URL(site.baseUrl)
      const served: ServedSite = {
        id: site.id,
        slug: site.slug,
        root: join(options.dataDir, 'sites', site.slug, site.outputPrefix),
        basePath: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`,
        hostname: url.hostname.toLowerCase(),
        timeZone: site.timeZone,
        ...known.extras,
      }
      options.onSite?.(served)
      return served
    })
  }, options)
}
