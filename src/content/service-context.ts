import { AlreadyExistsError } from '../errors/index.ts'
import { isUniqueViolation, type Store, type Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import type { ArticleTextIndex } from './article-query.ts'
import { appendAudit, recordRefusal } from './audit-log.ts'
import { BodySanitizer } from './body-sanitizer.ts'
import { RevisionDiffer } from './revision-differ.ts'
import type { WordingGate } from './wording-gate.ts'

export interface ContentOptions {
  /** Hosts whose https iframes article bodies may embed (video players, maps). */
  readonly iframeHosts?: readonly string[]
  /** Days a deleted article stays in the recycle bin before `purge` removes it. */
  readonly recycleBinDays?: number
  /** The clock; tests move it. */
  readonly now?: () => Date
  /**
   * Whether a theme of that name is installed, so a site cannot be saved with one publishing
   * would not find. Publishing knows the themes folder and content must not import it, so
   * whoever opens the app passes this in; without it every well-formed name is accepted.
   */
  readonly themeExists?: (name: string) => boolean
  /**
   * The site search's index, for the article list's text search (title and body of what is
   * published); content must not import search, so whoever opens the app passes it in.
   * Without it the list searches titles only.
   */
  readonly articleText?: ArticleTextIndex | null
  /**
   * Checks wording (错敏词) before submit, approval and publish. The lists live in the checks
   * folder, which content must not import, so the app passes it in; without it nothing is checked.
   */
  readonly wordingGate?: WordingGate
}

const NO_WORDING_GATE: WordingGate = { check: async () => [] }

export interface ServiceContext {
  readonly store: Store
  readonly options: Readonly<Required<ContentOptions>>
  /** Cleans article and page bodies off the thread that answers requests. */
  readonly bodySanitizer: BodySanitizer
  /** Compares two revisions off the thread that answers requests. */
  readonly revisionDiffer: RevisionDiffer
  now(): string
}

export function createServiceContext(store: Store, options: ContentOptions = {}): ServiceContext {
  const resolved = Object.freeze({
    iframeHosts: options.iframeHosts ?? [],
    recycleBinDays: options.recycleBinDays ?? 30,
    now: options.now ?? (() => new Date()),
    themeExists: options.themeExists ?? (() => true),
    articleText: options.articleText ?? null,
    wordingGate: options.wordingGate ?? NO_WORDING_GATE,
  })
  return {
    store,
    options: resolved,
    // Their workers start when the first long body arrives, so contexts that never need one cost nothing.
    bodySanitizer: new BodySanitizer({ iframeHosts: resolved.iframeHosts }),
    revisionDiffer: new RevisionDiffer(),
    now: () => resolved.now().toISOString(),
  }
}

export interface Outcome<T> {
  readonly value: T
  readonly targetId: string | number
  readonly detail?: Readonly<Record<string, unknown>>
}

/**
 * Runs one service call as one transaction with its audit record inside it. A failed call
 * rolls back whole, then leaves a failure record of its own, so refused attempts are audited.
 */
export async function perform<T>(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  target: { readonly type: string; readonly id?: string | number | undefined },
  work: (tx: Tx, now: string) => Promise<Outcome<T>>,
): Promise<T> {
  const now = ctx.now()
  try {
    return await ctx.store.transaction(async (tx) => {
      await actor.confirmRights?.(tx)
      const outcome = await work(tx, now)
      await appendAudit(
        ctx.store,
        tx,
        {
          actor,
          action,
          targetType: target.type,
          targetId: String(outcome.targetId),
          outcome: 'success',
          detail: outcome.detail,
        },
        now,
      )
      return outcome.value
    })
  } catch (caught) {
    // Checks run before writes, so this is a concurrent call that took the value first.
    const error = isUniqueViolation(caught)
      ? new AlreadyExistsError('value', String(target.id ?? target.type))
      : caught
    await recordRefusal(ctx.store, actor, action, target, error, now).catch(keepOriginalError)
    throw error
  }
}

/**
 * Runs the part of a service call that must come before its transaction (`perform`), since it
 * would hold the transaction open: cleaning a body takes up to seconds. It writes nothing; a
 * failure is audited as `perform` audits one, so a refused body leaves its record too.
 */
export async function prepareAudited<P>(
  ctx: ServiceContext,
  actor: Actor,
  action: string,
  target: { readonly type: string; readonly id?: string | number | undefined },
  prepare: () => Promise<P>,
): Promise<P> {
  try {
    return await prepare()
  } catch (error) {
    await recordRefusal(ctx.store, actor, action, target, error, ctx.now()).catch(keepOriginalError)
    throw error
  }
}

/**
 * Serialises changes to a site's column tree (and article writes against them) on PostgreSQL:
 * structure changes take the site row exclusively, article writes share it, so a column is
 * never deleted while an article is being saved into it, and two moves cannot form a cycle.
 */
export async function lockSite(ctx: ServiceContext, tx: Tx, siteId: number, mode: 'exclusive' | 'shared') {
  const query = tx.selectFrom('sites').select('id').where('id', '=', siteId)
  await (mode === 'exclusive' ? ctx.store.forUpdate(query) : ctx.store.forShare(query)).execute()
}

/** The store itself is failing (the original error says why); that error is what the caller needs. */
function keepOriginalError(): void {}
