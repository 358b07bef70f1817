import type { Store } from '../../store/index.ts'
import type { Theme } from '../render/theme.ts'
import { ARTICLE_PAGE_FIELDS, type ArticlePageRow, articleJobs, type Neighbour } from './article-pages.ts'
import { consultationJobs, showsConsultations } from './consultation-pages.ts'
import { mailboxLetterJobs, publicMailboxes, showsLetters } from './letter-pages.ts'
import { listLayout, listPageJobs } from './list-pages.ts'
import type { PageJob } from './page-job.ts'
import { inPublishOrder, liveArticles } from './publish-order.ts'
import { redirectJobs } from './redirect-pages.ts'
import { assetJobs, columnPageJobs, sitemapJobs, sitePageJobs } from './site-pages.ts'
import type { SiteSnapshot } from './site-snapshot.ts'

const CHUNK = 500

/** Every page of the site, streamed: the articles are read in chunks, never all at once. */
export async function* fullSiteJobs(
  store: Store,
  snapshot: SiteSnapshot,
  theme: Theme,
): AsyncGenerator<PageJob> {
  yield* assetJobs(theme)
  yield* await sitePageJobs(store, snapshot)
  yield* await sitemapJobs(store, snapshot, 'all')
  for (const column of snapshot.tree.all()) {
    yield* columnPageJobs(snapshot, column)
    if (column.kind === 'list')
      yield* await listPageJobs(snapshot, column, await listLayout(snapshot, column), 1)
  }
  const redirects = await store.db
    .selectFrom('redirects')
    .selectAll()
    .where('site_id', '=', snapshot.site.id)
    .execute()
  for (const redirect of redirects) yield* redirectJobs(snapshot, redirect.from_path, redirect.to_path)
  yield* articlePages(store, snapshot)
  if (showsLetters(theme)) {
    for (const mailbox of await publicMailboxes(store, snapshot.site.id))
      yield* (await mailboxLetterJobs(store, snapshot, mailbox, 'all')).jobs
  }
  if (showsConsultations(theme)) yield* await consultationJobs(store, snapshot, 'all')
}

// A body that starts with a byte-order mark keeps it, as the string read elsewhere does.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })

/** Article pages column by column in publish order, so each knows its older and newer neighbour. */
async function* articlePages(store: Store, snapshot: SiteSnapshot): AsyncGenerator<PageJob> {
  const { basePath } = snapshot.context.site
  const neighbour = (row: ArticlePageRow): Neighbour => ({
    id: row.id,
    title: row.title,
    url: `${basePath}${row.url_path}`,
  })
  for (const column of snapshot.tree.all()) {
    let older: ArticlePageRow | null = null
    let current: ArticlePageRow | null = null
    const query = liveArticles(store)
      .select(ARTICLE_PAGE_FIELDS.filter((field) => field !== 'body_html'))
      .select(store.textAsRead('body_html').as('body'))
      .where('column_id', '=', column.id)
    for await (const rows of inPublishOrder(query, CHUNK)) {
      for (const { body, ...fields } of rows) {
        const row: ArticlePageRow = {
          ...fields,
          body_html: typeof body === 'string' ? body : utf8.decode(body),
        }
        if (current) yield* articleJobs(snapshot, current, older ? neighbour(older) : null, neighbour(row))
        older = current
        current = row
      }
    }
    if (current) yield* articleJobs(snapshot, current, older ? neighbour(older) : null, null)
  }
}
