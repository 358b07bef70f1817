import {
  type ContentOptions,
  canManageSite,
  canReadSite,
  canWrite,
  createServiceContext,
  type Principal,
  perform,
  validateInput,
} from '../content/index.ts'
import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import type { Store } from '../store/index.ts'
import { type AdoptionReport, adoptionReport } from './adoption-report.ts'
import { placeColumn, sitePlaces } from './column-place.ts'
import { type Decisions, decisions } from './decide-submission.ts'
import { deskContext, publishedUrl, readSubmission } from './desk-context.ts'
import { type Submission, type SubmissionStatus, selectSubmissions, toSubmission } from './submission.ts'
import { SubmissionColumnClosedError, SubmissionRepeatedError } from './submission-errors.ts'
import { type SubmitInput, submissionSourcesSchema, submitInputSchema } from './submission-inputs.ts'

/** A column of another site that takes submissions from a given site. */
export interface SubmissionTarget {
  readonly siteId: number
  readonly siteName: string
  readonly columnId: number
  readonly columnName: string
}

/** 信息报送 as one signed-in user may use it; every call checks their rights itself. */
export interface SubmissionDesk extends Decisions {
  /** The sites that may submit to the column (any reader of its site may look). */
  sources(columnId: number): Promise<readonly number[]>
  /** Every other site of the installation, to choose sources from: administrators of the column's site. */
  sourceChoices(columnId: number): Promise<readonly { readonly id: number; readonly name: string }[]>
  /** Sets them: administrators of the column's site. */
  setSources(columnId: number, siteIds: readonly number[]): Promise<readonly number[]>
  /** The columns open to `sourceSiteId`, for the 报送 dialog. */
  targets(sourceSiteId: number): Promise<readonly SubmissionTarget[]>
  submit(input: SubmitInput): Promise<Submission>
  /** Submissions to the site's columns the user edits, newest first. */
  inbox(siteId: number, status?: SubmissionStatus): Promise<readonly Submission[]>
  /** The site's submissions: all for its administrators, else the user's own. */
  outbox(siteId: number): Promise<readonly Submission[]>
  /** Adoptions by the site per unit and month of `year` (any reader of the site). */
  report(siteId: number, year: number): Promise<AdoptionReport>
}

export interface Submissions {
  as(principal: Principal): SubmissionDesk
  close(): Promise<void>
}

export function createSubmissions(store: Store, options: Pick<ContentOptions, 'now'> = {}): Submissions {
  const ctx = createServiceContext(store, options)

  return {
    close: () => Promise.all([ctx.bodySanitizer.close(), ctx.revisionDiffer.close()]).then(() => {}),
    as({ actor, access }: Principal): SubmissionDesk {
      const dc = deskContext(store, ctx, actor, access)
      const { refuse } = dc
      return {
        ...decisions(dc),
        async sources(columnId) {
          const column = await placeColumn(store.db, columnId)
          if (!canReadSite(access, column.siteId))
            return refuse(
              'submission.sources',
              { type: 'column', id: columnId },
              new NotFoundError('column', columnId),
            )
          const rows = await store.db
            .selectFrom('submission_sources')
            .select('source_site_id')
            .where('column_id', '=', columnId)
            .orderBy('source_site_id')
            .execute()
          return rows.map((row) => row.source_site_id)
        },

        async sourceChoices(columnId) {
          const column = await placeColumn(store.db, columnId)
          if (!canManageSite(access, column.siteId))
            return refuse(
              'submission.sources',
              { type: 'column', id: columnId },
              new ForbiddenError('设置报送来源', 'set who may submit to this column'),
            )
          return store.db
            .selectFrom('sites')
            .select(['id', 'name'])
            .where('id', '!=', column.siteId)
            .orderBy('id')
            .execute()
        },

        async setSources(columnId, siteIds) {
          const input = validateInput(submissionSourcesSchema, { siteIds })
          return perform(ctx, actor, 'submission.sources', { type: 'column', id: columnId }, async (tx) => {
            const column = await placeColumn(tx, columnId)
            if (!canManageSite(access, column.siteId))
              throw new ForbiddenError('设置报送来源', 'set who may submit to this column')
            const wanted = [...new Set(input.siteIds)]
              .filter((siteId) => siteId !== column.siteId)
              .sort((a, b) => a - b)
            for (const siteId of wanted) {
              const site = await tx
                .selectFrom('sites')
                .select('id')
                .where('id', '=', siteId)
                .executeTakeFirst()
              if (!site) throw new NotFoundError('site', siteId)
            }
            await tx.deleteFrom('submission_sources').where('column_id', '=', columnId).execute()
            if (wanted.length > 0) {
              await tx
                .insertInto('submission_sources')
                .values(wanted.map((siteId) => ({ column_id: columnId, source_site_id: siteId })))
                .execute()
            }
            return { value: wanted, targetId: columnId, detail: { column: column.name, siteIds: wanted } }
          })
        },

        async targets(sourceSiteId) {
          if (!canReadSite(access, sourceSiteId))
            return refuse(
              'submission.targets',
              { type: 'site', id: sourceSiteId },
              new NotFoundError('site', sourceSiteId),
            )
          const rows = await store.db
            .selectFrom('submission_sources')
            .innerJoin('columns', 'columns.id', 'submission_sources.column_id')
            .innerJoin('sites', 'sites.id', 'columns.site_id')
            .select([
              'sites.id as site_id',
              'sites.name as site_name',
              'columns.id as column_id',
              'columns.name',
            ])
            .where('submission_sources.source_site_id', '=', sourceSiteId)
            .where('columns.deleted_at', 'is', null)
            .orderBy('sites.id')
            .orderBy('columns.position')
            .execute()
          return rows.map((row) => ({
            siteId: row.site_id,
            siteName: row.site_name,
            columnId: row.column_id,
            columnName: row.name,
          }))
        },

        async submit(raw) {
          const input = validateInput(submitInputSchema, raw)
          return perform(
            ctx,
            actor,
            'submission.submit',
            { type: 'article', id: input.articleId },
            async (tx, now) => {
              const article = await tx
                .selectFrom('articles')
                .innerJoin('sites', 'sites.id', 'articles.site_id')
                .select([
                  'articles.id',
                  'articles.site_id',
                  'articles.column_id',
                  'articles.title',
                  'articles.status',
                ])
                .select(['articles.url_path', 'sites.base_url'])
                .where('articles.id', '=', input.articleId)
                .where('articles.deleted_at', 'is', null)
                .executeTakeFirst()
              if (!article) throw new NotFoundError('article', input.articleId)
              const home = await placeColumn(tx, article.column_id)
              if (!canWrite(access, home.place)) {
                if (!canReadSite(access, article.site_id)) throw new NotFoundError('article', input.articleId)
                throw new ForbiddenError('报送这篇文章', 'submit this article')
              }
              const target = await placeColumn(tx, input.columnId)
              const isOpen = await tx
                .selectFrom('submission_sources')
                .select('column_id')
                .where('column_id', '=', target.id)
                .where('source_site_id', '=', article.site_id)
                .executeTakeFirst()
              if (!isOpen || target.siteId === article.site_id)
                throw new SubmissionColumnClosedError(target.name)
              // Two submits of the same article at once would both find no earlier one and both
              // count for the unit's assessment: the second waits here until the first is in.
              await store
                .forUpdate(tx.selectFrom('articles').select('id').where('id', '=', article.id))
                .execute()
              const earlier = await tx
                .selectFrom('submissions')
                .select('id')
                .where('article_id', '=', article.id)
                .where('target_column_id', '=', target.id)
                .where('status', 'in', ['pending', 'adopted'])
                .executeTakeFirst()
              if (earlier) throw new SubmissionRepeatedError()
              const { id } = await tx
                .insertInto('submissions')
                .values({
                  source_site_id: article.site_id,
                  article_id: article.id,
                  title: article.title,
                  source_url: publishedUrl(article.base_url, article),
                  target_site_id: target.siteId,
                  target_column_id: target.id,
                  note: input.note,
                  submitted_by: actor.name,
                  submitted_by_user_id: access.userId,
                  submitted_at: now,
                })
                .returning('id')
                .executeTakeFirstOrThrow()
              return {
                value: await readSubmission(tx, id),
                targetId: article.id,
                detail: {
                  submissionId: id,
                  title: article.title,
                  toSiteId: target.siteId,
                  toColumn: target.name,
                },
              }
            },
          )
        },

        async inbox(siteId, status) {
          if (!canReadSite(access, siteId))
            return refuse('submission.inbox', { type: 'site', id: siteId }, new NotFoundError('site', siteId))
          const placeOf = await sitePlaces(store.db, siteId)
          let query = selectSubmissions(store.db).where('submissions.target_site_id', '=', siteId)
          if (status) query = query.where('submissions.status', '=', status)
          const rows = await query
            .orderBy('submissions.submitted_at', 'desc')
            .orderBy('submissions.id', 'desc')
            .execute()
          return rows.map(toSubmission).filter((item) => canWrite(access, placeOf(item.targetColumnId)))
        },

        async outbox(siteId) {
          if (!canReadSite(access, siteId))
            return refuse(
              'submission.outbox',
              { type: 'site', id: siteId },
              new NotFoundError('site', siteId),
            )
          let query = selectSubmissions(store.db).where('submissions.source_site_id', '=', siteId)
          if (!canManageSite(access, siteId))
            query = query.where('submissions.submitted_by_user_id', '=', access.userId ?? -1)
          const rows = await query
            .orderBy('submissions.submitted_at', 'desc')
            .orderBy('submissions.id', 'desc')
            .execute()
          return rows.map(toSubmission)
        },

        async report(siteId, year) {
          if (!canReadSite(access, siteId))
            return refuse(
              'submission.report',
              { type: 'site', id: siteId },
              new NotFoundError('site', siteId),
            )
          const site = await store.db
            .selectFrom('sites')
            .select(['id', 'name', 'time_zone'])
            .where('id', '=', siteId)
            .executeTakeFirst()
          if (!site) throw new NotFoundError('site', siteId)
          return adoptionReport(store, { id: site.id, name: site.name, timeZone: site.time_zone }, year)
        },
      }
    },
  }
}
