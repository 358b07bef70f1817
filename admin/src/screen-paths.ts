/** The console's sections, each the first path segment after the site (`/sites/3/inbox`). */
export type Section =
  | 'dashboard'
  | 'inspection'
  | 'articles'
  | 'editor'
  | 'inbox'
  | 'consultations'
  | 'interactionSettings'
  | 'publishing'
  | 'templates'
  | 'import'
  | 'submissions'
  | 'statistics'
  | 'administration'

/** Sections whose segment differs from their name; the rest are spelt as named. */
const SEGMENTS: Partial<Record<Section, string>> = { interactionSettings: 'interaction-settings' }

/** The path of a section of a site (`/sites/3/articles`); administration is the whole installation's. */
export function sectionPath(section: Section, siteId: number | null): string {
  if (section === 'administration' || siteId === null) return '/administration'
  if (section === 'editor') return `/sites/${siteId}/articles/new`
  return `/sites/${siteId}/${SEGMENTS[section] ?? section}`
}

/** The section a path shows (`/sites/3/articles/12` is the editor). */
export function sectionOf(pathname: string): Section {
  const [, first, , segment, article] = pathname.split('/')
  if (first !== 'sites') return 'administration'
  if (segment === 'articles') return article ? 'editor' : 'articles'
  const named = Object.entries(SEGMENTS).find(([, spelt]) => spelt === segment)
  return (named?.[0] ?? segment ?? 'articles') as Section
}

/** The editor of an article (null: a new one) of a site. */
export function articlePath(siteId: number, articleId: number | null): string {
  return `/sites/${siteId}/articles/${articleId ?? 'new'}`
}
