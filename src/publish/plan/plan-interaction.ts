import type { ChangeRow, Store } from '../../store/index.ts'
import type { Theme } from '../render/theme.ts'
import type { PublishedLookup, PublishedPage } from '../write/published-index.ts'
import { consultationJobs, showsConsultations } from './consultation-pages.ts'
import { letterState, mailboxLetterJobs, publicMailbox, showsLetters } from './letter-pages.ts'
import type { PageJob } from './page-job.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { letterPath } from './url-scheme.ts'

/** The page kinds of 政民互动, which planIncremental leaves to this file. */
export const INTERACTION_PAGE_KINDS: ReadonlySet<string> = new Set([
  'letters',
  'letter',
  'consultations',
  'consultation',
])

/**
 * Maps 政民互动 changes to pages, as planIncremental does articles: a letter answered (or taken
 * off) changes its page and its mailbox's lists; a mailbox created gets its list. `rebuild` are
 * published pages of these kinds that must be rendered again (their template changed).
 */
export async function planInteractionPages(
  store: Store,
  snapshot: SiteSnapshot,
  published: PublishedLookup,
  changes: readonly ChangeRow[],
  rebuild: readonly PublishedPage[],
  theme: Theme,
): Promise<{ readonly jobs: PageJob[]; readonly removals: string[] }> {
  const letters = new Map<number, Set<number>>()
  const touch = (mailboxId: number) => {
    const ids = letters.get(mailboxId) ?? new Set<number>()
    letters.set(mailboxId, ids)
    return ids
  }
  const removals: string[] = []
  const letterIds = new Set<number>([
    ...changes.filter((c) => c.entity === 'letter').map((c) => c.entity_id),
    ...rebuild
      .filter((page) => page.kind === 'letter' && page.refId !== null)
      .map((page) => page.refId as number),
  ])
  for (const id of letterIds) {
    const state = await letterState(store, id)
    if (!state) continue
    const ids = touch(state.mailboxId)
    if (state.isPublic) ids.add(id)
    else removals.push(letterPath(state.slug, id))
  }
  for (const change of changes) if (change.entity === 'mailbox') touch(change.entity_id)
  for (const page of rebuild) if (page.kind === 'letters' && page.refId !== null) touch(page.refId)

  const jobs: PageJob[] = []
  for (const [mailboxId, ids] of letters) {
    const mailbox = await publicMailbox(store, mailboxId)
    const listed = await published.pagesOf('letters', mailboxId)
    if (!mailbox || !showsLetters(theme)) {
      removals.push(...listed.map((page) => page.path))
      continue
    }
    const planned = await mailboxLetterJobs(store, snapshot, mailbox, [...ids])
    jobs.push(...planned.jobs)
    // Archive pages beyond the new last one held letters that are gone.
    const paths = new Set(planned.jobs.map((job) => job.path))
    removals.push(...listed.map((page) => page.path).filter((path) => !paths.has(path)))
  }
  const consultations = new Set<number>([
    ...changes.filter((c) => c.entity === 'consultation').map((c) => c.entity_id),
    ...rebuild
      .filter((page) => page.kind === 'consultation' && page.refId !== null)
      .map((page) => page.refId as number),
  ])
  const listRebuilt = rebuild.some((page) => page.kind === 'consultations')
  if ((consultations.size > 0 || listRebuilt) && showsConsultations(theme))
    jobs.push(...(await consultationJobs(store, snapshot, [...consultations])))
  return { jobs, removals }
}
