import { sql } from 'kysely'
import type { ArticleRow, Store } from '../../store/index.ts'
import type { PageJob } from './page-job.ts'
import { liveArticles } from './publish-order.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { printPath } from './url-scheme.ts'

export interface Neighbour {
  readonly title: string
  readonly url: string
  readonly id: number
}

/** What an article's pages show of its row. */
export const ARTICLE_PAGE_FIELDS = [
  'id',
  'column_id',
  'title',
  'subtitle',
  'source',
  'author',
  'summary',
  'keywords',
  'body_html',
  'publish_at',
  'url_path',
  'cover_image',
  'external_url',
  'attachments',
  'custom_fields',
  'index_no',
  'topic_category',
  'issuing_agency',
  'written_date',
  'document_no',
  'subject_words',
] as const satisfies readonly (keyof ArticleRow)[]

export type ArticlePageRow = Pick<ArticleRow, (typeof ARTICLE_PAGE_FIELDS)[number]>

/** The article page and its print view. */
export function articleJobs(
  snapshot: SiteSnapshot,
  row: ArticlePageRow,
  prev: Neighbour | null,
  next: Neighbour | null,
  alsoIn: readonly number[] = [],
): PageJob[] {
  const { basePath, baseUrl } = snapshot.context.site
  const path = row.url_path ?? ''
  const column = snapshot.context.columns[row.column_id]
  const keywords: string[] = JSON.parse(row.keywords)
  // The body and the description drawn from it are filled in by the renderer (published-bodies.ts).
  const description = row.summary
  const article = {
    id: row.id,
    title: row.title,
    subtitle: row.subtitle,
    source: row.source,
    author: row.author,
    summary: row.summary,
    description,
    keywords,
    body: '',
    publishAt: row.publish_at ?? '',
    url: `${basePath}${path}`,
    printUrl: `${basePath}${printPath(path)}`,
    coverImage: row.cover_image,
    externalUrl: row.external_url,
    attachments: JSON.parse(row.attachments),
    customFields: JSON.parse(row.custom_fields),
    disclosure: row.index_no
      ? {
          indexNo: row.index_no,
          topicCategory: row.topic_category ?? '',
          issuingAgency: row.issuing_agency ?? '',
          writtenDate: row.written_date ?? '',
          documentNo: row.document_no ?? '',
          subjectWords: JSON.parse(row.subject_words),
        }
      : null,
    prev,
    next,
    alsoInColumnIds: alsoIn,
    /** The consultation this article is the 结果反馈 of, linked back from its page. */
    feedbackOf: snapshot.feedbackFor.get(row.id) ?? null,
  }
  const page = { kind: 'article', title: row.title, description, canonicalUrl: `${baseUrl}${path}` }
  const deps = [prev, next].filter((n): n is Neighbour => n !== null).map((n) => `article:${n.id}`)
  return [
    {
      path,
      kind: 'article',
      refId: row.id,
      template: snapshot.tree.get(row.column_id)?.articleTemplate ?? 'article.liquid',
      data: { column, article, page },
      storedBody: row.body_html,
      deps,
    },
    {
      path: printPath(path),
      kind: 'print',
      refId: row.id,
      template: 'print.liquid',
      // No neighbours: a print view is not rendered again when they change (it records no keys for them).
      data: { column, article: { ...article, prev: null, next: null }, page: { ...page, kind: 'print' } },
      storedBody: row.body_html,
      deps: [],
    },
  ]
}

/** The neighbours of an article in its home column, by publish time (prev is the older one). */
export async function neighboursOf(
  store: Store,
  snapshot: SiteSnapshot,
  row: Pick<ArticleRow, 'id' | 'column_id' | 'publish_at'>,
): Promise<{ prev: Neighbour | null; next: Neighbour | null }> {
  const base = liveArticles(store).select(['id', 'title', 'url_path']).where('column_id', '=', row.column_id)
  const at = row.publish_at ?? ''
  // Row-value comparisons walk the column's publish-order index from the article's place.
  const older = await base
    .where(sql<boolean>`(publish_at, id) < (${at}, ${row.id})`)
    .orderBy('publish_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const newer = await base
    .where(sql<boolean>`(publish_at, id) > (${at}, ${row.id})`)
    .orderBy('publish_at', 'asc')
    .orderBy('id', 'asc')
    .limit(1)
    .executeTakeFirst()
  const { basePath } = snapshot.context.site
  const toNeighbour = (
    n: { id: number; title: string; url_path: string | null } | undefined,
  ): Neighbour | null => (n ? { id: n.id, title: n.title, url: `${basePath}${n.url_path}` } : null)
  return { prev: toNeighbour(older), next: toNeighbour(newer) }
}
