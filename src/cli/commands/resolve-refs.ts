import type { Column, Content, Site } from '../../content/index.ts'
import { ValidationError } from '../../errors/index.ts'

// The data folder's `[cli] default_site`, by the Content it opened: withApp records it once, so
// the forty commands that take `--site` need not each carry the config to resolveSite.
const defaultSites = new WeakMap<Content, string>()

/** Commands run on `content` use this site when `--site` is left out (withApp, from fabu.toml). */
export function rememberDefaultSite(content: Content, site: string | null): void {
  if (site) defaultSites.set(content, site)
}

/**
 * `--site` may be left out when the installation has exactly one site, or when fabu.toml names
 * a default (`[cli] default_site`).
 */
export async function resolveSite(content: Content, ref: string | undefined): Promise<Site> {
  if (ref) return content.sites.get(ref)
  const sites = await content.sites.list()
  if (sites.length === 1 && sites[0]) return sites[0]
  if (sites.length === 0) {
    throw new ValidationError(
      '--site',
      '还没有站点，请先运行 fabu demo 或 fabu site create',
      'no site yet: run fabu demo or fabu site create',
    )
  }
  const fallback = defaultSites.get(content)
  if (fallback) return content.sites.get(fallback)
  // The slugs are what --site takes: naming them saves a `fabu site list` to find out.
  const slugs = sites.map((site) => site.slug)
  throw new ValidationError(
    '--site',
    `有多个站点（${slugs.join('、')}），请用 --site 指定，如 --site ${slugs[0]}，或在 fabu.toml 的 [cli] default_site 设定默认站点`,
    `there are several sites (${slugs.join(', ')}): choose one with --site, e.g. --site ${slugs[0]}, or set [cli] default_site in fabu.toml`,
  )
}

/** A column by id, or by its slug path within the site (`jcdj/jswm`). */
export async function resolveColumn(content: Content, site: Site, ref: string): Promise<Column> {
  if (/^\d+$/.test(ref)) return content.columns.get(Number(ref))
  return content.columns.byPath(site.id, ref)
}
