import type { Column, Content, Site } from '../../content/index.ts'
import { ValidationError } from '../../errors/index.ts'

/** `--site` may be left out when the installation has exactly one site. */
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
  throw new ValidationError(
    '--site',
    '有多个站点，请用 --site 指定',
    'there are several sites: choose one with --site',
  )
}

/** A column by id, or by its slug path within the site (`jcdj/jswm`). */
export async function resolveColumn(content: Content, site: Site, ref: string): Promise<Column> {
  if (/^\d+$/.test(ref)) return content.columns.get(Number(ref))
  return content.columns.byPath(site.id, ref)
}
