import { z } from 'zod'
import {
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
  WordingBlockedError,
} from '../errors/index.ts'
import type { ArticleRow, ColumnRow, SiteRow, Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { type Article, type ArticleSnapshot, type ArticleStatus, snapshotOf, toArticle } from './article.ts'
import {
  type ArticleInput,
  type ArticlePatch,
  articleInputSchema,
  articlePatchSchema,
  type DisclosureInput,
  disclosureSchema,
} from './article-inputs.ts'
import { type ArticleQuery, listArticles } from './article-query.ts'
import { recordChange } from './change-log.ts'
import { findLiveColumnIn } from './column-service.ts'
import { validateCustomFields } from './custom-fields.ts'
import { nextIndexNo } from './disclosure-index.ts'
import { isRecordId } from './record-id.ts'
import type { RevisionDiff } from './revision-diff.ts'
import { lockSite, perform, prepareAudited, type ServiceContext } from './service-context.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'
import { articleTexts, type WordingHit, type WordingOverride } from './wording-gate.ts'
import type { StoredRevision } from './worker-tasks.ts'
import { parseZonedMinute, zonedYear } from './zoned-time.ts'

/** One step of the current review: who submitted, who approved at which level. */
interface ReviewStep {
  readonly step: 'submit' | 'approve'
  readonly level: number
  readonly actorId: string
  readonly actor: string
  readonly at: string
}

export interface RevisionSummary {
  readonly revision: number
  readonly actor: string
  readonly createdAt: string
}

export interface ArticleService {
  get(id: number): Promise<Article>
  list(query: ArticleQuery): Promise<{ readonly items: readonly Article[]; readonly total: number }>
  /**
   * Creates a draft. `importedFrom` (the page's URL on an old site) audits it as
   * `article.import`: its old publish time is the page's history, not a back-date.
   */
  create(actor: Actor, input: ArticleInput, options?: ImportedFrom): Promise<Article>
  /** Saves changed fields; refused with VERSION_CONFLICT unless `baseRevision` is the latest. */
  update(actor: Actor, id: number, patch: ArticlePatch, options?: ImportedFrom): Promise<Article>
  /** The article's wording hits (title, body, alt texts, attachment names…), read only. */
  wordingHits(article: Article): Promise<readonly WordingHit[]>
  /** Refused with WORDING_BLOCKED while a 禁用 word stands, unless `override` gives a reason. */
  publish(actor: Actor, id: number, override?: WordingOverride): Promise<Article>
  /** 撤稿: takes a published article off the site, with the reason audited. */
  withdraw(actor: Actor, id: number, reason: string): Promise<Article>
  /** Moves the article to the recycle bin. */
  delete(actor: Actor, id: number): Promise<void>
  restore(actor: Actor, id: number): Promise<Article>
  revisions(id: number): Promise<readonly RevisionSummary[]>
  revision(id: number, revision: number): Promise<ArticleSnapshot>
  diff(id: number, from: number, to: number): Promise<RevisionDiff>
  /** Makes an old revision's content the newest revision; nothing in between is lost. */
  restoreRevision(actor: Actor, id: number, revision: number, baseRevision: number): Promise<Article>
  /**
   * Sends a draft or rejected article to review. In a column without review it goes straight
   * on: published, or scheduled when its publish time lies ahead.
   */
  submit(actor: Actor, id: number, override?: WordingOverride): Promise<Article>
  /**
   * Approves at `level`, which must be the level the article waits for (so two reviewers
   * cannot both pass one level); the column's last level publishes or schedules it.
   */
  approve(actor: Actor, id: number, level: number, override?: WordingOverride): Promise<Article>
  /** Returns a submitted article to its author with the reviewer's comment. */
  reject(actor: Actor, id: number, comment: string): Promise<Article>
  /** Sets (or with null clears) the time a published article comes off the site by itself. */
  scheduleUnpublish(actor: Actor, id: number, at: string | null): Promise<Article>
  /** Publishes the scheduled articles whose time has come, withdraws those due to come off. */
  runDue(
    actor: Actor,
  ): Promise<{ readonly published: readonly number[]; readonly withdrawn: readonly number[] }>
}

/** Marks a save as `fabu import` bringing a page of an old site in. */
export interface ImportedFrom {
  readonly importedFrom?: string
  /** The 索引号 the old site gave a disclosure article, kept instead of a new one. */
  readonly indexNo?: string
}

/** The fields of a save after validation, before they are written. */
type ArticleValues = z.output<typeof articleInputSchema>

export function articleService(ctx: ServiceContext): ArticleService {
  const { store } = ctx

  async function readArticle(
    db: Pick<Tx, 'selectFrom'>,
    id: number,
    options: { includesDeleted?: boolean; isLocked?: boolean } = {},
  ) {
    if (!isRecordId(id)) throw new NotFoundError('article', id)
    const query = db.selectFrom('articles').selectAll().where('id', '=', id)
    // A write locks the row first, so a concurrent publish and delete queue up instead of both passing.
    const row = await (options.isLocked ? store.forUpdate(query) : query).executeTakeFirst()
    if (!row || (row.deleted_at !== null && !options.includesDeleted)) throw new NotFoundError('article', id)
    const quoted = await db
      .selectFrom('article_columns')
      .select('column_id')
      .where('article_id', '=', id)
      .orderBy('column_id')
      .execute()
    return toArticle(
      row,
      quoted.map((q) => q.column_id),
    )
  }

  /** Revision `revision` of article `id`, its snapshot still JSON. */
  async function storedRevision(id: number, revision: number): Promise<StoredRevision> {
    if (!isRecordId(id) || !isRecordId(revision)) throw new NotFoundError('revision', `${id}@${revision}`)
    const row = await store.db
      .selectFrom('article_revisions')
      .select('snapshot')
      .where('article_id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst()
    if (!row) throw new NotFoundError('revision', `${id}@${revision}`)
    return { revision, snapshotJson: row.snapshot }
  }

  /**
   * The body as stored. Cleaned before the transaction that saves it, which it would otherwise
   * hold open for as long as a long body takes.
   */
  function cleanBody(html: string): Promise<string> {
    return ctx.bodySanitizer.sanitize(html, 'bodyHtml')
  }

  /**
   * Checks the columns, custom fields and disclosure fields of a save; returns what to write,
   * with `cleanedBody` (values.bodyHtml through cleanBody) as the body.
   */
  async function resolve(
    tx: Tx,
    site: SiteRow,
    values: ArticleValues,
    cleanedBody: string,
    current: ArticleRow | null,
    now: string,
  ) {
    await lockSite(ctx, tx, site.id, 'shared')
    const column = await findLiveColumnIn(tx, site.id, values.columnId, 'columnId')
    if (column.kind !== 'list') {
      throw new ValidationError(
        'columnId',
        `栏目「${column.name}」不是文章列表栏目`,
        `column "${column.name}" does not list articles`,
      )
    }
    const alsoIn = [...new Set(values.alsoInColumnIds)].filter((id) => id !== column.id)
    for (const id of alsoIn) {
      const other = await findLiveColumnIn(tx, site.id, id, 'alsoInColumnIds')
      if (other.kind !== 'list') {
        throw new ValidationError(
          'alsoInColumnIds',
          `栏目「${other.name}」不是文章列表栏目`,
          `column "${other.name}" does not list articles`,
        )
      }
    }
    const customFields = validateCustomFields(values.customFields, JSON.parse(column.field_schema))
    const publishAt = values.publishAt === null ? null : parseZonedMinute(values.publishAt, site.time_zone)
    if (values.publishAt !== null && publishAt === null) {
      throw new ValidationError(
        'publishAt',
        '发布时间须形如 2017-12-14 16:44',
        'the publish time must look like 2017-12-14 16:44',
      )
    }
    const disclosure = await resolveDisclosure(tx, site, column, values.disclosure, current, publishAt ?? now)
    return {
      column_id: column.id,
      title: values.title,
      subtitle: values.subtitle,
      source: values.source,
      author: values.author,
      summary: values.summary,
      keywords: JSON.stringify(values.keywords),
      body_html: cleanedBody,
      cover_image: values.coverImage,
      attachments: JSON.stringify(values.attachments),
      custom_fields: JSON.stringify(customFields),
      weight: values.weight,
      // The site shows a published article's time, and lists page by it: clearing the field
      // keeps the time it has.
      publish_at: publishAt ?? (current?.status === 'published' ? current.publish_at : null),
      external_url: values.externalUrl,
      ...disclosure,
      alsoIn,
    }
  }

  async function resolveDisclosure(
    tx: Tx,
    site: SiteRow,
    column: ColumnRow,
    input: z.output<typeof disclosureSchema> | null,
    current: ArticleRow | null,
    yearOf: string,
  ) {
    if (!input) {
      if (column.is_disclosure) {
        throw new ValidationError(
          'disclosure',
          `信息公开栏目「${column.name}」的文章须填写主题分类和发文机关`,
          `articles in the disclosure column "${column.name}" need a topic category and an issuing agency`,
        )
      }
      return {
        index_no: current?.index_no ?? null,
        topic_category: null,
        issuing_agency: null,
        written_date: null,
        document_no: null,
        subject_words: '[]',
      }
    }
    const indexNo =
      current?.index_no ??
      (column.is_disclosure ? await nextIndexNo(tx, site, zonedYear(yearOf, site.time_zone)) : null)
    return {
      index_no: indexNo,
      topic_category: input.topicCategory,
      issuing_agency: input.issuingAgency,
      written_date: input.writtenDate,
      document_no: input.documentNo,
      subject_words: JSON.stringify(input.subjectWords),
    }
  }

  async function writeRevision(tx: Tx, article: Article, actor: Actor, now: string) {
    await tx
      .insertInto('article_revisions')
      .values({
        article_id: article.id,
        revision: article.revision,
        snapshot: JSON.stringify(snapshotOf(article)),
        actor: `${actor.name} (${actor.id})`,
        created_at: now,
      })
      .execute()
  }

  async function replaceQuotes(tx: Tx, articleId: number, columnIds: readonly number[]) {
    await tx.deleteFrom('article_columns').where('article_id', '=', articleId).execute()
    if (columnIds.length > 0) {
      await tx
        .insertInto('article_columns')
        .values(columnIds.map((columnId) => ({ article_id: articleId, column_id: columnId })))
        .execute()
    }
  }

  /** A published article's pages change with it; a draft's do not. */
  async function recordIfVisible(tx: Tx, article: Article | ArticleRow, action: string, now: string) {
    const siteId = 'siteId' in article ? article.siteId : article.site_id
    if (article.status === 'published' || action === 'publish' || action === 'withdraw') {
      await recordChange(tx, { siteId, entity: 'article', entityId: article.id, action }, now)
    }
  }

  /** The shared path of update and restoreRevision: one optimistic-locked save. */
  async function save(
    tx: Tx,
    actor: Actor,
    current: Article,
    values: ArticleValues,
    cleanedBody: string,
    baseRevision: number,
    now: string,
  ) {
    if (baseRevision > current.revision) {
      throw new ValidationError(
        'baseRevision',
        `版本 ${baseRevision} 不存在（最新为 ${current.revision}）`,
        `revision ${baseRevision} does not exist (the latest is ${current.revision})`,
      )
    }
    if (baseRevision !== current.revision) throw new VersionConflictError(current.id, current.revision)
    const site = await findSite(tx, current.siteId)
    const row = await tx
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow()
    const { alsoIn, ...fields } = await resolve(tx, site, values, cleanedBody, row, now)
    const updated = await tx
      .updateTable('articles')
      .set({ ...fields, revision: baseRevision + 1, updated_by: actor.name, updated_at: now })
      .where('id', '=', current.id)
      .where('revision', '=', baseRevision)
      .executeTakeFirst()
    // Another save committed between our read and this write: refuse rather than overwrite it.
    if (updated.numUpdatedRows === 0n) {
      const latest = await tx
        .selectFrom('articles')
        .select('revision')
        .where('id', '=', current.id)
        .executeTakeFirstOrThrow()
      throw new VersionConflictError(current.id, latest.revision)
    }
    await replaceQuotes(tx, current.id, alsoIn)
    const saved = await readArticle(tx, current.id)
    await writeRevision(tx, saved, actor, now)
    await recordIfVisible(tx, saved, 'update', now)
    return saved
  }

  function valuesOf(article: Article | ArticleSnapshot): ArticleValues {
    const disclosure: DisclosureInput | null = article.disclosure
      ? {
          topicCategory: article.disclosure.topicCategory,
          issuingAgency: article.disclosure.issuingAgency,
          writtenDate: article.disclosure.writtenDate,
          documentNo: article.disclosure.documentNo,
          subjectWords: [...article.disclosure.subjectWords],
        }
      : null
    return {
      columnId: article.columnId,
      alsoInColumnIds: [...article.alsoInColumnIds],
      title: article.title,
      subtitle: article.subtitle,
      source: article.source,
      author: article.author,
      summary: article.summary,
      keywords: [...article.keywords],
      bodyHtml: article.bodyHtml,
      coverImage: article.coverImage,
      attachments: [...article.attachments],
      customFields: { ...article.customFields },
      weight: article.weight,
      publishAt: article.publishAt,
      externalUrl: article.externalUrl,
      disclosure: disclosure ? disclosureSchema.parse(disclosure) : null,
    }
  }

  async function setStatus(tx: Tx, article: Article, status: ArticleStatus, actor: Actor, now: string) {
    await tx
      .updateTable('articles')
      .set({
        status,
        updated_by: actor.name,
        updated_at: now,
        ...(status === 'published'
          ? { first_published_at: article.firstPublishedAt ?? now, publish_at: article.publishAt ?? now }
          : {}),
      })
      .where('id', '=', article.id)
      .execute()
  }

  /** A publish time set in the past is back-dating: the audit record says so, with both times. */
  function backdating(publishAt: string | null, before: string | null, now: string) {
    return publishAt !== null && publishAt < now && publishAt !== before
      ? { backdatedTo: publishAt, previousPublishAt: before }
      : {}
  }

  /** The most review any of the article's columns asks for: quoting it elsewhere skips none. */
  async function reviewLevelsOf(tx: Tx, article: Article): Promise<number> {
    const columns = await tx
      .selectFrom('columns')
      .select('review_levels')
      .where('id', 'in', [article.columnId, ...article.alsoInColumnIds])
      .execute()
    return Math.max(0, ...columns.map((column) => column.review_levels))
  }

  async function trailOf(tx: Tx, id: number): Promise<ReviewStep[]> {
    const row = await tx
      .selectFrom('articles')
      .select('review_trail')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return JSON.parse(row.review_trail)
  }

  function step(kind: ReviewStep['step'], level: number, actor: Actor, now: string): ReviewStep {
    return { step: kind, level, actorId: actor.id, actor: actor.name, at: now }
  }

  function awaitedLevel(article: Article): number {
    if (article.status !== 'submitted') {
      throw new InvalidStateError({
        zh: `文章 ${article.id} 未在审核中`,
        en: `article ${article.id} is not waiting for review`,
      })
    }
    return article.reviewStage + 1
  }

  /** The last review passed: publish now, or schedule for a publish time that lies ahead. */
  async function passReview(tx: Tx, article: Article, actor: Actor, now: string): Promise<ArticleStatus> {
    if (article.publishAt !== null && article.publishAt > now) {
      await tx
        .updateTable('articles')
        .set({ status: 'scheduled', updated_at: now })
        .where('id', '=', article.id)
        .execute()
      return 'scheduled'
    }
    // A publish time that passed while the article waited is not a chosen back-date: the
    // site shows when it really went out (back-dating is a separate, audited edit).
    const shown = article.firstPublishedAt === null && article.publishAt !== null && article.publishAt < now
    await setStatus(tx, shown ? { ...article, publishAt: now } : article, 'published', actor, now)
    await recordIfVisible(tx, article, 'publish', now)
    return 'published'
  }

  /**
   * Refuses while the article holds a 禁用 word from the site's lists; with an override reason
   * (the caller checked the right to give one) it passes, and returns what the audit keeps.
   */
  async function checkWording(tx: Tx, article: Article, override: WordingOverride | undefined) {
    const hits = await ctx.options.wordingGate.check(tx, article.siteId, articleTexts(article))
    const blocking = hits
      .filter((hit) => hit.level === 'block')
      .map(({ field, start, end, found, word, suggestion }) => ({
        field,
        start,
        end,
        found,
        word,
        suggestion,
      }))
    if (blocking.length === 0) return {}
    const reason = override?.overrideReason?.trim()
    if (!reason) throw new WordingBlockedError(blocking)
    return { wordingOverride: { reason: reason.slice(0, 2000), hits: blocking } }
  }

  return {
    get: (id) => readArticle(store.db, id),

    wordingHits: (article) => ctx.options.wordingGate.check(store.db, article.siteId, articleTexts(article)),

    list: (query) =>
      listArticles(store, query, (row, quotes) => toArticle(row, quotes), ctx.options.articleText),

    async create(actor, input, options = {}) {
      const action = options.importedFrom ? 'article.import' : 'article.create'
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        action,
        { type: 'article' },
        async () => {
          const values = validateInput(articleInputSchema, input)
          return { values, cleanedBody: await cleanBody(values.bodyHtml) }
        },
      )
      return perform(ctx, actor, action, { type: 'article' }, async (tx, now) => {
        const columnRow = await tx
          .selectFrom('columns')
          .select('site_id')
          .where('id', '=', values.columnId)
          .executeTakeFirst()
        if (!columnRow)
          throw new ValidationError(
            'columnId',
            `栏目 ${values.columnId} 不存在`,
            `column ${values.columnId} does not exist`,
          )
        const site = await findSite(tx, columnRow.site_id)
        const { alsoIn, ...fields } = await resolve(tx, site, values, cleanedBody, null, now)
        // Documents cite a disclosure article by its 索引号: an imported one keeps the old site's.
        if (options.indexNo && fields.topic_category !== null) fields.index_no = options.indexNo
        const { id } = await tx
          .insertInto('articles')
          .values({
            ...fields,
            site_id: site.id,
            status: 'draft',
            revision: 1,
            created_by: actor.name,
            created_at: now,
            updated_by: actor.name,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await replaceQuotes(tx, id, alsoIn)
        const article = await readArticle(tx, id, { isLocked: true })
        await writeRevision(tx, article, actor, now)
        return {
          value: article,
          targetId: id,
          detail: {
            title: article.title,
            indexNo: article.disclosure?.indexNo,
            ...(options.importedFrom
              ? { importedFrom: options.importedFrom }
              : backdating(article.publishAt, null, now)),
          },
        }
      })
    },

    async update(actor, id, patch, options = {}) {
      const target = { type: 'article', id }
      const action = options.importedFrom ? 'article.import' : 'article.update'
      const { changes, body, cleanedBody } = await prepareAudited(ctx, actor, action, target, async () => {
        const changes = validateInput(articlePatchSchema, patch)
        // A save without a new body cleans the stored one again, as every save always has.
        const body = changes.bodyHtml ?? (await readArticle(store.db, id)).bodyHtml
        return { changes, body, cleanedBody: await cleanBody(body) }
      })
      return perform(ctx, actor, action, target, async (tx, now) => {
        const current = await readArticle(tx, id, { isLocked: true })
        const { baseRevision, ...changed } = changes
        // Another save changed the body after it was read and cleaned: that save came first.
        if (changed.bodyHtml === undefined && current.bodyHtml !== body) {
          throw new VersionConflictError(current.id, current.revision)
        }
        const merged = validateInput(articleInputSchema, { ...valuesOf(current), ...changed })
        const saved = await save(tx, actor, current, merged, cleanedBody, baseRevision, now)
        return {
          value: saved,
          targetId: id,
          detail: {
            revision: saved.revision,
            fields: Object.keys(changed),
            ...(options.importedFrom
              ? { importedFrom: options.importedFrom }
              : backdating(changed.publishAt !== undefined ? saved.publishAt : null, current.publishAt, now)),
          },
        }
      })
    },

    publish(actor, id, override) {
      return perform(ctx, actor, 'article.publish', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { isLocked: true })
        if (article.status === 'published') {
          throw new InvalidStateError({ zh: `文章 ${id} 已发布`, en: `article ${id} is published already` })
        }
        const wording = await checkWording(tx, article, override)
        await setStatus(tx, article, 'published', actor, now)
        await recordIfVisible(tx, article, 'publish', now)
        return { value: await readArticle(tx, id), targetId: id, detail: wording }
      })
    },

    submit(actor, id, override) {
      return perform(ctx, actor, 'article.submit', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { isLocked: true })
        if (article.status !== 'draft' && article.status !== 'rejected' && article.status !== 'withdrawn') {
          throw new InvalidStateError({
            zh: `文章 ${id} 当前状态为 ${article.status}，只有草稿、退回或已撤稿的文章可以送审`,
            en: `article ${id} is ${article.status}; only drafts, rejected and withdrawn articles can be submitted`,
          })
        }
        const wording = await checkWording(tx, article, override)
        const levels = await reviewLevelsOf(tx, article)
        await tx
          .updateTable('articles')
          .set({
            status: 'submitted',
            review_stage: 0,
            submitted_by: actor.name,
            review_trail: JSON.stringify([step('submit', 0, actor, now)]),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute()
        const status = levels === 0 ? await passReview(tx, article, actor, now) : 'submitted'
        return {
          value: await readArticle(tx, id),
          targetId: id,
          detail: { status, reviewLevels: levels, ...wording },
        }
      })
    },

    approve(actor, id, level, override) {
      return perform(ctx, actor, 'article.approve', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { isLocked: true })
        const awaited = awaitedLevel(article)
        if (level !== awaited) {
          throw new InvalidStateError({
            zh: `文章 ${id} 正等待第 ${awaited} 级审核，不是第 ${level} 级`,
            en: `article ${id} waits for review level ${awaited}, not ${level}`,
          })
        }
        const trail = await trailOf(tx, id)
        if (trail.some((earlier) => earlier.actorId === actor.id)) {
          throw new ForbiddenError(
            '审核自己送审或已审过的稿件（每一级须由他人审核）',
            'approve an article you submitted or approved at an earlier level (each level needs another person)',
          )
        }
        const wording = await checkWording(tx, article, override)
        const levels = await reviewLevelsOf(tx, article)
        await tx
          .updateTable('articles')
          .set({
            review_stage: level,
            review_comment: null,
            review_trail: JSON.stringify([...trail, step('approve', level, actor, now)]),
            updated_at: now,
          })
          .where('id', '=', id)
          .execute()
        const status = level >= levels ? await passReview(tx, article, actor, now) : 'submitted'
        return { value: await readArticle(tx, id), targetId: id, detail: { level, status, ...wording } }
      })
    },

    reject(actor, id, comment) {
      return perform(ctx, actor, 'article.reject', { type: 'article', id }, async (tx, now) => {
        const why = validateInput(
          z.string().trim().min(1, '退回须填写意见|a rejection needs a comment').max(2000),
          comment,
          'comment',
        )
        const article = await readArticle(tx, id, { isLocked: true })
        const level = awaitedLevel(article)
        await tx
          .updateTable('articles')
          .set({
            status: 'rejected',
            review_stage: 0,
            review_comment: why,
            review_trail: '[]',
            updated_by: actor.name,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute()
        return { value: await readArticle(tx, id), targetId: id, detail: { level, comment: why } }
      })
    },

    scheduleUnpublish(actor, id, at) {
      return perform(ctx, actor, 'article.scheduleUnpublish', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { isLocked: true })
        const site = await findSite(tx, article.siteId)
        const instant = at === null ? null : parseZonedMinute(at, site.time_zone)
        if (at !== null && instant === null) {
          throw new ValidationError(
            'unpublishAt',
            '撤稿时间须形如 2017-12-14 16:44',
            'the withdrawal time must look like 2017-12-14 16:44',
          )
        }
        if (instant !== null && instant <= now) {
          throw new ValidationError('unpublishAt', '撤稿时间须在将来', 'the withdrawal time must lie ahead')
        }
        await tx
          .updateTable('articles')
          .set({ unpublish_at: instant, updated_at: now })
          .where('id', '=', id)
          .execute()
        return { value: await readArticle(tx, id), targetId: id, detail: { unpublishAt: instant } }
      })
    },

    async runDue(actor) {
      const now = ctx.now()
      const due = (status: ArticleStatus, column: 'publish_at' | 'unpublish_at') =>
        store.db
          .selectFrom('articles')
          .select('id')
          .where('status', '=', status)
          .where('deleted_at', 'is', null)
          .where(column, '<=', now)
          .orderBy('id')
          .execute()
      const published: number[] = []
      for (const { id } of await due('scheduled', 'publish_at')) {
        await perform(ctx, actor, 'article.publishScheduled', { type: 'article', id }, async (tx, at) => {
          const article = await readArticle(tx, id, { isLocked: true })
          // Another process may have fired it meanwhile: firing twice must not publish twice.
          if (article.status !== 'scheduled')
            return { value: undefined, targetId: id, detail: { skipped: true } }
          await setStatus(tx, article, 'published', actor, at)
          await recordIfVisible(tx, article, 'publish', at)
          published.push(id)
          return { value: undefined, targetId: id }
        })
      }
      const withdrawn: number[] = []
      for (const { id } of await due('published', 'unpublish_at')) {
        await perform(ctx, actor, 'article.withdrawScheduled', { type: 'article', id }, async (tx, at) => {
          const article = await readArticle(tx, id, { isLocked: true })
          if (article.status !== 'published')
            return { value: undefined, targetId: id, detail: { skipped: true } }
          await setStatus(tx, article, 'withdrawn', actor, at)
          await tx.updateTable('articles').set({ unpublish_at: null }).where('id', '=', id).execute()
          await recordIfVisible(tx, article, 'withdraw', at)
          withdrawn.push(id)
          return { value: undefined, targetId: id, detail: { reason: '定时撤稿 / scheduled withdrawal' } }
        })
      }
      return { published, withdrawn }
    },

    withdraw(actor, id, reason) {
      return perform(ctx, actor, 'article.withdraw', { type: 'article', id }, async (tx, now) => {
        const why = validateInput(
          z.string().trim().min(1, '撤稿须说明原因|a withdrawal needs a reason').max(500),
          reason,
          'reason',
        )
        const article = await readArticle(tx, id, { isLocked: true })
        if (article.status !== 'published') {
          throw new InvalidStateError({
            zh: `文章 ${id} 未发布，无需撤稿`,
            en: `article ${id} is not published`,
          })
        }
        await setStatus(tx, article, 'withdrawn', actor, now)
        await recordIfVisible(tx, article, 'withdraw', now)
        return { value: await readArticle(tx, id), targetId: id, detail: { reason: why } }
      })
    },

    delete(actor, id) {
      return perform(ctx, actor, 'article.delete', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { isLocked: true })
        await tx
          .updateTable('articles')
          .set({ deleted_at: now, deleted_by: actor.name })
          .where('id', '=', id)
          .execute()
        await recordIfVisible(tx, article, 'delete', now)
        return { value: undefined, targetId: id, detail: { title: article.title } }
      })
    },

    restore(actor, id) {
      return perform(ctx, actor, 'article.restore', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(tx, id, { includesDeleted: true, isLocked: true })
        if (article.deletedAt === null) {
          throw new InvalidStateError({
            zh: `文章 ${id} 不在回收站中`,
            en: `article ${id} is not in the recycle bin`,
          })
        }
        const column = await tx
          .selectFrom('columns')
          .select(['name', 'deleted_at'])
          .where('id', '=', article.columnId)
          .executeTakeFirstOrThrow()
        if (column.deleted_at !== null) {
          throw new InvalidStateError({
            zh: `文章所在栏目「${column.name}」已删除，请先恢复栏目`,
            en: `the article's column "${column.name}" is deleted; restore the column first`,
          })
        }
        await tx
          .updateTable('articles')
          .set({ deleted_at: null, deleted_by: null })
          .where('id', '=', id)
          .execute()
        await recordIfVisible(tx, article, 'restore', now)
        return { value: await readArticle(tx, id), targetId: id }
      })
    },

    async revisions(id) {
      await readArticle(store.db, id, { includesDeleted: true })
      const rows = await store.db
        .selectFrom('article_revisions')
        .select(['revision', 'actor', 'created_at'])
        .where('article_id', '=', id)
        .orderBy('revision', 'desc')
        .execute()
      return rows.map((row) => ({ revision: row.revision, actor: row.actor, createdAt: row.created_at }))
    },

    async revision(id, revision) {
      return JSON.parse((await storedRevision(id, revision)).snapshotJson) as ArticleSnapshot
    },

    async diff(id, from, to) {
      // The snapshots go to the differ as stored: parsing two long ones is work for its worker too.
      const [before, after] = [await storedRevision(id, from), await storedRevision(id, to)]
      return ctx.revisionDiffer.diff(id, before, after)
    },

    async restoreRevision(actor, id, revision, baseRevision) {
      const target = { type: 'article', id }
      const { values, cleanedBody } = await prepareAudited(
        ctx,
        actor,
        'article.restoreRevision',
        target,
        async () => {
          // A revision never changes once written, so it can be read before the transaction.
          const { snapshotJson } = await storedRevision(id, revision)
          const values = valuesOf(JSON.parse(snapshotJson))
          return { values, cleanedBody: await cleanBody(values.bodyHtml) }
        },
      )
      return perform(ctx, actor, 'article.restoreRevision', target, async (tx, now) => {
        const current = await readArticle(tx, id, { isLocked: true })
        const saved = await save(tx, actor, current, values, cleanedBody, baseRevision, now)
        return { value: saved, targetId: id, detail: { restored: revision, revision: saved.revision } }
      })
    },
  }
}
