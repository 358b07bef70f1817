import { formatZonedMinute } from '../../content/index.ts'
import type { InteractionDocument } from '../../search/index.ts'
import type { Store } from '../../store/index.ts'
import type { Theme } from '../render/theme.ts'
import { maskContacts } from './mask-contacts.ts'
import type { PageJob } from './page-job.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { letterListPath, letterPath } from './url-scheme.ts'

/** Letters per list page; archive pages are numbered from the oldest answer, as columns' are. */
export const LETTERS_PAGE_SIZE = 20

export interface PublicMailbox {
  readonly id: number
  readonly slug: string
  readonly name: string
}

interface LetterSummaryRow {
  readonly id: number
  readonly subject: string
  readonly name_masked: string
  readonly department: string | null
  readonly received_day: string
  readonly replied_at: string | null
}

/** The theme publishes letters only if it has their templates: a site's own theme may not yet. */
export function showsLetters(theme: Theme): boolean {
  return 'letters.liquid' in theme.templates && 'letter.liquid' in theme.templates
}

/** The site's mailboxes that publish their answered letters. */
export async function publicMailboxes(store: Store, siteId: number): Promise<PublicMailbox[]> {
  return store.db
    .selectFrom('mailboxes')
    .select(['id', 'slug', 'name'])
    .where('site_id', '=', siteId)
    .where('publishes_answers', '=', true)
    .orderBy('id')
    .execute()
}

export async function publicMailbox(store: Store, mailboxId: number): Promise<PublicMailbox | undefined> {
  return store.db
    .selectFrom('mailboxes')
    .select(['id', 'slug', 'name'])
    .where('id', '=', mailboxId)
    .where('publishes_answers', '=', true)
    .executeTakeFirst()
}

/**
 * The letters the public may read: answered, the sender agreed, staff did not take it off, not
 * merged into another, in a mailbox that publishes answers.
 */
function publicLetters(store: Store) {
  return store.db
    .selectFrom('cases')
    .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
    .where('mailboxes.publishes_answers', '=', true)
    .where('cases.status', '=', 'answered')
    .where('cases.may_publish', '=', true)
    .where('cases.shows_answer', '=', true)
    .where('cases.duplicate_of', 'is', null)
}

/** Whether the case is on the site now, and the mailbox it belongs to. */
export async function letterState(
  store: Store,
  caseId: number,
): Promise<{ readonly isPublic: boolean; readonly mailboxId: number; readonly slug: string } | undefined> {
  const row = await store.db
    .selectFrom('cases')
    .innerJoin('mailboxes', 'mailboxes.id', 'cases.mailbox_id')
    .select(['cases.mailbox_id', 'mailboxes.slug'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst()
  if (!row) return undefined
  const live = await publicLetters(store).select('cases.id').where('cases.id', '=', caseId).executeTakeFirst()
  return { isPublic: live !== undefined, mailboxId: row.mailbox_id, slug: row.slug }
}

/**
 * A mailbox's list pages (the newest page and every archive page: letters are few beside
 * articles, and unchanged bytes are not rewritten) and the pages of the letters in `letterIds`
 * (all of them when 'all').
 */
export async function mailboxLetterJobs(
  store: Store,
  snapshot: SiteSnapshot,
  mailbox: PublicMailbox,
  letterIds: 'all' | readonly number[],
): Promise<{ readonly jobs: PageJob[]; readonly pages: number }> {
  const { basePath, baseUrl } = snapshot.context.site
  const zone = snapshot.site.timeZone
  const rows: LetterSummaryRow[] = await publicLetters(store)
    .select([
      'cases.id',
      'cases.subject',
      'cases.name_masked',
      'cases.department',
      'cases.received_day',
      'cases.replied_at',
    ])
    .where('cases.mailbox_id', '=', mailbox.id)
    .orderBy('cases.replied_at')
    .orderBy('cases.id')
    .execute()
  const summary = (row: LetterSummaryRow) => ({
    id: row.id,
    url: `${basePath}${letterPath(mailbox.slug, row.id)}`,
    subject: maskContacts(row.subject),
    nameMasked: row.name_masked,
    department: row.department ?? '',
    receivedDay: row.received_day,
    repliedAt: row.replied_at ?? '',
  })
  const listUrl = `${basePath}${letterListPath(mailbox.slug)}`
  const view = {
    id: mailbox.id,
    name: mailbox.name,
    url: listUrl,
    trail: [{ name: mailbox.name, url: listUrl }],
    formUrl: `${basePath}_fabu/letters/${mailbox.slug}`,
    lookupUrl: `${basePath}_fabu/case`,
  }
  const pages = Math.max(1, Math.ceil(rows.length / LETTERS_PAGE_SIZE))
  const pageUrl = (page: number) => `${basePath}${letterListPath(mailbox.slug, page)}`
  const listJob = (
    path: string,
    items: LetterSummaryRow[],
    pager: Record<string, string | null>,
  ): PageJob => ({
    path,
    kind: 'letters',
    refId: mailbox.id,
    template: 'letters.liquid',
    data: {
      page: {
        kind: 'letters',
        title: mailbox.name,
        description: `${snapshot.site.name} ${mailbox.name} 答复公开`,
        canonicalUrl: `${baseUrl}${path}`,
      },
      mailbox: view,
      letters: { items: items.map(summary).reverse(), pager },
    },
    deps: [],
  })
  const hasArchive = rows.length > LETTERS_PAGE_SIZE
  const jobs: PageJob[] = [
    listJob(letterListPath(mailbox.slug), rows.slice(-LETTERS_PAGE_SIZE), {
      label: '最新',
      newestUrl: null,
      newerUrl: null,
      olderUrl: hasArchive ? pageUrl(pages - 1) : null,
      oldestUrl: hasArchive ? pageUrl(1) : null,
    }),
  ]
  for (let page = 1; page <= pages; page++) {
    const items = rows.slice((page - 1) * LETTERS_PAGE_SIZE, page * LETTERS_PAGE_SIZE)
    jobs.push(
      listJob(letterListPath(mailbox.slug, page), items, {
        // Days, not counts: a count would change every page whenever a letter is added.
        label:
          items.length > 0
            ? `${day(items[0]?.replied_at, zone)} 至 ${day(items.at(-1)?.replied_at, zone)}`
            : '无',
        newestUrl: view.url,
        newerUrl: page < pages ? pageUrl(page + 1) : view.url,
        olderUrl: page > 1 ? pageUrl(page - 1) : null,
        oldestUrl: page > 1 ? pageUrl(1) : null,
      }),
    )
  }
  const wanted = letterIds === 'all' ? rows.map((row) => row.id) : letterIds
  for (let i = 0; i < wanted.length; i += 200) {
    const letters = await publicLetters(store)
      .select([
        'cases.id',
        'cases.subject',
        'cases.content',
        'cases.name_masked',
        'cases.department',
        'cases.received_day',
        'cases.replied_at',
        'cases.reply',
      ])
      .where('cases.mailbox_id', '=', mailbox.id)
      .where('cases.id', 'in', wanted.slice(i, i + 200))
      .execute()
    for (const letter of letters) {
      const path = letterPath(mailbox.slug, letter.id)
      jobs.push({
        path,
        kind: 'letter',
        refId: letter.id,
        template: 'letter.liquid',
        data: {
          page: {
            kind: 'letter',
            title: maskContacts(letter.subject),
            description: `${mailbox.name} 答复`,
            canonicalUrl: `${baseUrl}${path}`,
          },
          mailbox: view,
          letter: {
            ...summary(letter),
            content: maskContacts(letter.content),
            // The answer is the institution's own words: its phone numbers stay.
            reply: letter.reply ?? '',
          },
        },
        deps: [],
      })
    }
  }
  return { jobs, pages }
}

function day(iso: string | null | undefined, zone: string): string {
  return iso ? formatZonedMinute(iso, zone).slice(0, 10) : ''
}

/**
 * The public letters among `letterIds` ('all': the site's) as the site search indexes them:
 * the words their pages show, the sender's contacts masked as on the page. None when the
 * theme publishes no letter pages, so the search never points at a page that is not there.
 */
export async function letterSearchDocuments(
  store: Store,
  siteId: number,
  letterIds: 'all' | readonly number[],
  theme: Theme,
): Promise<InteractionDocument[]> {
  if (!showsLetters(theme) || (letterIds !== 'all' && letterIds.length === 0)) return []
  let query = publicLetters(store)
    .select([
      'cases.id',
      'cases.subject',
      'cases.content',
      'cases.reply',
      'cases.replied_at',
      'mailboxes.slug',
    ])
    .where('mailboxes.site_id', '=', siteId)
  if (letterIds !== 'all') query = query.where('cases.id', 'in', letterIds)
  return (await query.execute()).map((letter) => ({
    kind: 'letter' as const,
    refId: letter.id,
    title: maskContacts(letter.subject),
    url: letterPath(letter.slug, letter.id),
    publishAt: letter.replied_at,
    text: `${maskContacts(letter.content)}\n\n${letter.reply ?? ''}`,
  }))
}
