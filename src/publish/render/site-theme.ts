import type { Store } from '../../store/index.ts'
import { loadTheme, type Theme } from './theme.ts'

/**
 * The theme a site publishes with: the theme's files, with the templates the site's
 * administrators edited in the admin standing in for theirs.
 */
export async function loadSiteTheme(
  store: Store,
  site: { readonly id: number; readonly theme: string },
  themesRoot?: string,
  overrides: Readonly<Record<string, string>> = {},
): Promise<Theme> {
  const theme = loadTheme(site.theme, themesRoot)
  const edited = await store.db
    .selectFrom('site_templates')
    .select(['name', 'source'])
    .where('site_id', '=', site.id)
    .execute()
  const templates: Record<string, string> = { ...theme.templates }
  for (const row of edited) templates[row.name] = row.source
  return { ...theme, templates: { ...templates, ...overrides } }
}
