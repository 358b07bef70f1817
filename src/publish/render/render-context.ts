/** How many newest articles per column templates can ask for (`newest`, `newest_where`). */
export const NEWEST_LIMIT = 50

/** The data every page of a site may show: the same for all pages of one publish run. */
export interface SiteRenderContext {
  readonly site: SiteView
  readonly columns: Readonly<Record<number, ColumnView>>
  /**
   * Per column: its newest published articles (descendants' too where it lists them), pinned
   * first; none for a column that is not a list. A full run holds every column's; an
   * incremental run those its planner read, and a page asks for others as it needs them (a
   * FieldQuery without a field), answered into `queried`.
   */
  readonly newest: Readonly<Record<number, readonly ArticleSummary[]>>
  /**
   * Answers to the field queries templates made in this run (`newest_where`), by query key.
   * Filled as pages ask: a page whose query is not answered yet is rendered again once it is.
   */
  readonly queried: Record<string, readonly ArticleSummary[]>
}

/**
 * A template's question: the newest articles of a column whose custom field has a value, or,
 * without a field (''), the column's newest articles.
 */
export interface FieldQuery {
  readonly columnId: number
  readonly field: string
  readonly value: string
}

/** The question for a column's newest articles, asked where the run's data does not hold them. */
export function newestQuery(columnId: number): FieldQuery {
  return { columnId, field: '', value: '' }
}

export function fieldQueryKey(query: FieldQuery): string {
  return `${query.columnId}:${query.field}=${query.value}`
}

export interface SiteView {
  readonly id: number
  readonly name: string
  readonly language: string
  readonly timeZone: string
  readonly baseUrl: string
  /** The path part of the base URL, ending in '/': links are written root-relative to it. */
  readonly basePath: string
  readonly domain: string
  readonly siteIdCode: string
  readonly icp: string
  readonly policeRecord: string
  readonly sponsor: string
  readonly contact: string
  /** Where article pages post their view, for the live count. */
  readonly hitsUrl: string
  /** The top-level columns, for the main navigation. */
  readonly nav: readonly NavItem[]
  /** The whole tree, for the site map page. */
  readonly tree: readonly NavItem[]
  /** The site's 专题, in the order of the tree, for a home page block or a list of topics. */
  readonly topics: readonly TopicView[]
}

/** A 专题 as its pages and lists of topics show it. */
export interface TopicView {
  readonly id: number
  readonly name: string
  readonly url: string
  readonly parentId: number | null
  /** The banner picture's URL on the site; null: none uploaded. */
  readonly banner: string | null
  /** Its sub-columns, for the topic's own navigation. */
  readonly children: readonly NavItem[]
}

export interface NavItem {
  readonly id: number
  readonly name: string
  readonly url: string
  readonly kind: string
  readonly children: readonly NavItem[]
}

export interface ColumnView {
  readonly id: number
  readonly name: string
  readonly path: string
  readonly url: string
  readonly kind: string
  readonly topId: number
  readonly parentId: number | null
  readonly breadcrumb: readonly { readonly name: string; readonly url: string }[]
  readonly children: readonly NavItem[]
  /** The columns beside it under its parent (itself included), for the side navigation. */
  readonly siblings: readonly NavItem[]
  /** The name of its section: its parent's name, or its own at the top. */
  readonly sectionName: string
  readonly body: string
  /** The 专题 the column is or lies in (its banner and sub-columns); null outside topics. */
  readonly topic: TopicView | null
}

export interface ArticleSummary {
  readonly id: number
  readonly title: string
  readonly url: string
  readonly publishAt: string
  readonly isPinned: boolean
}
