import { type Article, canWrite, copyArticleInto, perform, validateInput } from '../content/index.ts'
import type { Tx } from '../store/index.ts'
import { placeColumn } from './column-place.ts'
import { currentUrl, type DeskContext, readSubmission } from './desk-context.ts'
import { withSourceLine } from './source-link.ts'
import type { Submission, SubmissionStatus } from './submission.ts'
import {
  SubmissionDecidedError,
  SubmissionNotYoursError,
  SubmissionReasonRequiredError,
} from './submission-errors.ts'
import { type AdoptInput, adoptInputSchema, returnInputSchema } from './submission-inputs.ts'

/** Where a site's files are published, to copy an adopted article's pictures and attachments. */
export interface SiteFolder {
  readonly slug: string
  readonly outputPrefix: string
}

export interface Adoption {
  readonly submission: Submission
  readonly article: Article
  /** The copy's uploads are still in the unit's folder; whoever publishes copies them over. */
  readonly uploads: { readonly from: SiteFolder; readonly to: SiteFolder }
}

/** What the receiving editors decide: 采用, 退回 or 忽略, once, and only in columns they edit. */
export interface Decisions {
  /** 采用: a draft copy in the target column, 来源 the unit, ending with a link to the original. */
  adopt(id: number, input?: AdoptInput): Promise<Adoption>
  /** 退回 with a reason the submitter reads. */
  return(id: number, reason: string): Promise<Submission>
  /** 忽略: decided, nothing made. */
  ignore(id: number): Promise<Submission>
}

export function decisions({ store, ctx, actor, access }: DeskContext): Decisions {
  /** A pending submission the user may decide on, locked against a second decision. */
  async function decidable(tx: Tx, id: number): Promise<Submission> {
    const submission = await readSubmission(tx, id)
    const column = await placeColumn(tx, submission.targetColumnId)
    if (!canWrite(access, column.place)) throw new SubmissionNotYoursError()
    await store.forUpdate(tx.selectFrom('submissions').select('id').where('id', '=', id)).execute()
    if ((await readSubmission(tx, id)).status !== 'pending') throw new SubmissionDecidedError()
    return submission
  }

  async function decide(tx: Tx, id: number, now: string, status: SubmissionStatus, extra = {}) {
    await tx
      .updateTable('submissions')
      .set({ status, decided_by: actor.name, decided_at: now, ...extra })
      .where('id', '=', id)
      .execute()
    return readSubmission(tx, id)
  }

  return {
    async adopt(id, raw = {}) {
      validateInput(adoptInputSchema, raw)
      return perform(ctx, actor, 'submission.adopt', { type: 'submission', id }, async (tx, now) => {
        const submission = await decidable(tx, id)
        // The publisher gives an article its address after publishing; read it again now.
        const sourceUrl = (await currentUrl(tx, submission.articleId)) ?? submission.sourceUrl
        const article = await copyArticleInto(
          ctx,
          tx,
          actor,
          now,
          submission.articleId,
          submission.targetColumnId,
          {
            source: clipped(submission.sourceSiteName, 100),
            body: (body) => withSourceLine(body, submission.sourceSiteName, sourceUrl),
          },
        )
        const { sourceSiteId: _from, ...copy } = article
        const decided = await decide(tx, id, now, 'adopted', {
          adopted_article_id: copy.id,
          source_url: sourceUrl,
        })
        const folder = async (siteId: number): Promise<SiteFolder> => {
          const site = await tx
            .selectFrom('sites')
            .select(['slug', 'output_prefix'])
            .where('id', '=', siteId)
            .executeTakeFirstOrThrow()
          return { slug: site.slug, outputPrefix: site.output_prefix }
        }
        const uploads = {
          from: await folder(submission.sourceSiteId),
          to: await folder(submission.targetSiteId),
        }
        return {
          value: { submission: decided, article: copy, uploads },
          targetId: id,
          detail: { title: submission.title, from: submission.sourceSiteName, articleId: copy.id },
        }
      })
    },

    async return(id, reason) {
      const input = validateInput(returnInputSchema, { reason })
      return perform(ctx, actor, 'submission.return', { type: 'submission', id }, async (tx, now) => {
        if (input.reason === '') throw new SubmissionReasonRequiredError()
        const submission = await decidable(tx, id)
        const decided = await decide(tx, id, now, 'returned', { reason: input.reason })
        return { value: decided, targetId: id, detail: { title: submission.title, reason: input.reason } }
      })
    },

    async ignore(id) {
      return perform(ctx, actor, 'submission.ignore', { type: 'submission', id }, async (tx, now) => {
        const submission = await decidable(tx, id)
        return {
          value: await decide(tx, id, now, 'ignored'),
          targetId: id,
          detail: { title: submission.title },
        }
      })
    },
  }
}

/**
 * At most `max` UTF-16 units of the text, never half a character: a unit's name may hold
 * characters outside the BMP (CJK Extension B and later, in place names), and half of one is a
 * lone surrogate no store keeps, which made every adoption from that unit fail.
 */
function clipped(text: string, max: number): string {
  if (text.length <= max) return text
  const isHighSurrogate = /[\uD800-\uDBFF]/.test(text.charAt(max - 1))
  return text.slice(0, isHighSurrogate ? max - 1 : max)
}
