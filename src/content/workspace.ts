import { ForbiddenError, NotFoundError } from '../errors/index.ts'
import { parseZonedMinute } from '../markup/index.ts'
import type { Store } from '../store/index.ts'
import {
  type ContentPlace,
  canAdministerSecurity,
  canAdministerSystem,
  canBackdate,
  canManageSite,
  canReadAudit,
  canReadSite,
  canReview,
  canUpload,
  canWrite,
  type Principal,
} from './access.ts'
import {
  allowedSiteActions,
  type ColumnNodeWithActions,
  type SiteAction,
  withColumnActions,
} from './allowed-actions.ts'
import { type Article, type ArticleSnapshot, toArticle } from './article.ts'
import type { ArticleInput, ArticlePatch } from './article-inputs.ts'
import type { ArticleQuery } from './article-query.ts'
import type { RevisionSummary } from './article-service.ts'
import { type AuditQuery, type AuditVerification, appendAudit, recordRefusal } from './audit-log.ts'
import type { ColumnInput, ColumnMove, ColumnPatch } from './column-inputs.ts'
import { loadColumnTree } from './column-service.ts'
import type { Column, ColumnTree } from './column-tree.ts'
import type { Content } from './content.ts'
import type { CopyTarget } from './copy-article.ts'
import { type ArticleView, describeArticles } from './describe-articles.ts'
import { type NamedAuditRecord, nameAuditRecords } from './name-audit-records.ts'
import type { PurgeResult } from './recycle-bin.ts'
import type { RevisionDiff } from './revision-diff.ts'
import type { SiteInput, SitePatch } from './site-inputs.ts'
import type { Site, SiteRef } from './site-service.ts'
import type { SavedArticle, WordingOverride } from './wording-gate.ts'

/** A site as the admin gets it: with what the user may do in it. */
export type SiteView = Site & { readonly allowedActions: readonly SiteAction[] }

/**
 * The permission layer (docs/development.md, "Layout"): the content services as one signed-in
 * user may use them. Every call checks the user's grants before it reaches the service, so no
 * HTTP route can forget to, and the service confirms them again inside its transaction. Content
 * of a site the user holds no role in answers NOT_FOUND, as if it did not exist. (The admin's
 * page for a signed-in user is the site console, admin/src/pages/site-console.tsx.)
 */
export interface Workspace {
  readonly principal: Principal
  sites: {
    /** The sites the user sees: those they work in or administer, and those whose mailboxes they handle. */
    list(): Promise<readonly SiteView[]>
    /** The sites whose content (columns, articles, uploads) the user may see: not a handler's. */
    listWithContent(): Promise<readonly Site[]>
    get(ref: SiteRef): Promise<SiteView>
    create(input: SiteInput): Promise<Site>
    update(ref: SiteRef, patch: SitePatch): Promise<Site>
  }
  columns: {
    tree(site: SiteRef): Promise<ColumnTree>
    /** The tree's roots, each column with what the user may do in it (write, review). */
    treeWithActions(site: SiteRef): Promise<readonly ColumnNodeWithActions[]>
    get(id: number): Promise<Column>
    create(input: ColumnInput): Promise<Column>
    update(id: number, patch: ColumnPatch): Promise<Column>
    move(id: number, to: ColumnMove): Promise<Column>
    reorder(site: SiteRef, parentId: number | null, orderedIds: readonly number[]): Promise<void>
    delete(id: number): Promise<void>
    restore(id: number): Promise<Column>
  }
  articles: {
    list(query: ArticleQuery): Promise<{ readonly items: readonly ArticleView[]; readonly total: number }>
    get(id: number): Promise<ArticleView>
    /** Saves, and returns the wording hits of what was saved as warnings (never refused for them). */
    create(input: ArticleInput): Promise<SavedArticle>
    update(id: number, patch: ArticlePatch): Promise<SavedArticle>
    /** 复制: needs sight of the source and write rights in the target column (any site). */
    copy(id: number, target: CopyTarget): Promise<SavedArticle>
    /** 置顶排序 in a column the user may write in. */
    orderPinned(columnId: number, articleIds: readonly number[]): Promise<readonly number[]>
    /** 排序 in a column the user may write in; reading the order needs the same right. */
    orderManually(columnId: number, articleIds: readonly number[]): Promise<readonly number[]>
    manualOrder(columnId: number): Promise<readonly number[]>
    submit(id: number, override?: WordingOverride): Promise<Article>
    /** 撤回: the submitter (or the site's administrator) takes it back to draft before any review. */
    recall(id: number): Promise<Article>
    approve(id: number, level: number, override?: WordingOverride): Promise<Article>
    reject(id: number, comment: string): Promise<Article>
    publish(id: number, override?: WordingOverride): Promise<Article>
    withdraw(id: number, reason: string): Promise<Article>
    scheduleUnpublish(id: number, at: string | null): Promise<Article>
    delete(id: number): Promise<void>
    restore(id: number): Promise<Article>
    revisions(id: number): Promise<readonly RevisionSummary[]>
    revision(id: number, revision: number): Promise<ArticleSnapshot>
    diff(id: number, from: number, to: number): Promise<RevisionDiff>
    restoreRevision(id: number, revision: number, baseRevision: number): Promise<Article>
  }
  audit: {
    /** Newest first, with the actors' display names and the targets' names. */
    list(query?: AuditQuery): Promise<readonly NamedAuditRecord[]>
    verify(): Promise<AuditVerification>
    /** Records a change made outside the content services (templates), as this user's. */
    record(
      action: string,
      targetType: string,
      targetId: string,
      detail: Record<string, unknown>,
    ): Promise<void>
  }
  recycleBin: {
    /** Removes for good what has been deleted longer than the retention: system administrators. */
    purge(olderThanDays?: number): Promise<PurgeResult>
  }
  /** Refuses unless the user may publish the site (run, preview, history). */
  requirePublisher(site: SiteRef): Promise<Site>
  /** The site, if the user administers it (columns, templates, settings). */
  requireSiteAdministrator(site: SiteRef): Promise<Site>
  /** The site, if the user may see its content (else NOT_FOUND). */
  requireReader(site: SiteRef): Promise<Site>
  /** Whether the user may approve the article at the level it waits for (a question, not a check). */
  mayApprove(article: Article): Promise<boolean>
  /** Refuses unless the user may upload files into the site. */
  requireUploader(site: SiteRef): Promise<Site>
}

/** The permission layer over `content` for `principal`, as src/server hands it to each request. */
export function createWorkspace(content: Content, store: Store, principal: Principal): Workspace {
  const { actor, access } = principal

  async function withWordingHits(
    saved: Article,
  ): Promise<SavedArticle & { allowedActions: readonly string[] }> {
    return described(Promise.resolve({ ...saved, wordingHits: await content.articles.wordingHits(saved) }))
  }

  /** A refused attempt is audited like a failed one, then thrown. */
  async function refuse(
    action: string,
    targetType: string,
    targetId: string | number,
    error: Error,
  ): Promise<never> {
    await recordRefusal(
      store,
      actor,
      action,
      { type: targetType, id: targetId },
      error,
      new Date().toISOString(),
    )
    throw error
  }

  async function siteFor(ref: SiteRef, action: string): Promise<Site> {
    const site = await content.sites.get(ref)
    if (!canReadSite(access, site.id)) return refuse(action, 'site', ref, new NotFoundError('site', ref))
    return site
  }

  async function placeOf(columnId: number): Promise<ContentPlace> {
    const column = await content.columns.get(columnId)
    const tree = await content.columns.tree(column.siteId)
    const path: number[] = []
    for (
      let node = tree.get(column.id);
      node;
      node = node.parentId === null ? undefined : tree.get(node.parentId)
    ) {
      path.push(node.id)
    }
    return { siteId: column.siteId, columnPath: path }
  }

  /** The article if the user may see it at all: else NOT_FOUND, exactly as for no article. */
  async function visibleArticle(id: number, action: string): Promise<Article> {
    const article = await content.articles.get(id)
    if (!canReadSite(access, article.siteId))
      return refuse(action, 'article', id, new NotFoundError('article', id))
    return article
  }

  async function requireWrite(columnId: number, action: string, targetId: string | number): Promise<void> {
    const place = await placeOf(columnId)
    if (!canReadSite(access, place.siteId)) {
      await refuse(action, 'column', columnId, new NotFoundError('column', columnId))
    }
    if (!canWrite(access, place)) {
      await refuse(
        action,
        'article',
        targetId,
        new ForbiddenError('在此栏目中编辑文章', 'edit articles in this column'),
      )
    }
  }

  async function requireManage(
    siteId: number,
    action: string,
    targetType: string,
    targetId: string | number,
  ) {
    if (!canReadSite(access, siteId))
      await refuse(action, targetType, targetId, new NotFoundError(targetType, targetId))
    if (!canManageSite(access, siteId)) {
      await refuse(action, targetType, targetId, new ForbiddenError('管理此站点', 'administer this site'))
    }
  }

  /** A publish time in the past is back-dating, which only site administrators may do. */
  async function requireBackdateRight(
    siteId: number,
    publishAt: string | null | undefined,
    action: string,
    id: string | number,
    current: string | null = null,
  ) {
    if (publishAt === undefined || publishAt === null || canBackdate(access, siteId)) return
    const site = await content.sites.get(siteId)
    const instant = parseZonedMinute(publishAt, site.timeZone)
    // Sending back the time the article already has is not setting one.
    if (instant === current) return
    if (instant !== null && instant < new Date(Date.now() - 60_000).toISOString()) {
      await refuse(
        action,
        'article',
        id,
        new ForbiddenError('把发布时间设为过去（倒填日期）', 'set a publish time in the past (back-dating)'),
      )
    }
  }

  async function article(
    id: number,
    action: string,
    check: (article: Article, place: ContentPlace) => boolean | Promise<boolean>,
    zh: string,
    en: string,
  ) {
    const found = await visibleArticle(id, action)
    const place = await placeOf(found.columnId)
    if (!(await check(found, place))) await refuse(action, 'article', id, new ForbiddenError(zh, en))
    return found
  }

  /**
   * A save may move the article, quote it into or out of columns and set its publish time:
   * the editor needs write rights in every column it enters or leaves, the back-dating right
   * for a past time, and, for content already in or past review, the site's administration.
   */
  async function requireChangeRights(
    found: Article,
    change: {
      readonly columnId?: number | undefined
      readonly alsoInColumnIds?: readonly number[] | undefined
      readonly publishAt?: string | null | undefined
    },
    action: string,
  ) {
    const targetColumn = change.columnId ?? found.columnId
    const targetQuotes = change.alsoInColumnIds ?? found.alsoInColumnIds
    if (targetColumn !== found.columnId) await requireWrite(targetColumn, action, found.id)
    const before = new Set(found.alsoInColumnIds)
    const after = new Set(targetQuotes)
    for (const column of [...after].filter((c) => !before.has(c)))
      await requireWrite(column, action, found.id)
    for (const column of [...before].filter((c) => !after.has(c)))
      await requireWrite(column, action, found.id)
    await requireBackdateRight(found.siteId, change.publishAt, action, found.id, found.publishAt)
    await requireReviewedChangeRight(found, [targetColumn, ...targetQuotes], action)
  }

  /**
   * Content that is in review, scheduled or published in a reviewed column went (or goes) out
   * as reviewers saw it: an editor withdraws it and submits again; only the site's
   * administrators change it in place.
   */
  async function requireReviewedChangeRight(found: Article, targets: readonly number[], action: string) {
    if (!['submitted', 'scheduled', 'published'].includes(found.status)) return
    if (canManageSite(access, found.siteId)) return
    const columns = new Set([found.columnId, ...found.alsoInColumnIds, ...targets])
    let levels = 0
    for (const id of columns)
      levels = Math.max(levels, (await content.columns.get(id).catch(() => null))?.reviewLevels ?? 0)
    if (levels > 0) {
      await refuse(
        action,
        'article',
        found.id,
        new ForbiddenError(
          '直接修改已送审、定时或已发布的稿件（请先撤稿，修改后重新送审）',
          'change an article in review, scheduled or published (withdraw it, change it, submit it again)',
        ),
      )
    }
  }

  /**
   * Overriding a 禁用 wording hit is a reviewer's decision (or the site administrator's): an
   * editor who is no reviewer in the column cannot wave their own article through. An editor
   * may give a reason when submitting into review, where the reviewer still decides (the
   * approval is checked again); never into a column without review, where submit publishes.
   */
  async function requireOverrideRight(
    found: Article,
    override: WordingOverride | undefined,
    action: string,
    isIntoReview = false,
  ) {
    if (!override?.overrideReason?.trim()) return
    if (isIntoReview) {
      let levels = 0
      for (const id of [found.columnId, ...found.alsoInColumnIds])
        levels = Math.max(levels, (await content.columns.get(id).catch(() => null))?.reviewLevels ?? 0)
      if (levels > 0) return
    }
    const place = await placeOf(found.columnId)
    if (![1, 2, 3].some((level) => canReview(access, place, level))) {
      await refuse(
        action,
        'article',
        found.id,
        new ForbiddenError(
          '越过禁用词检查（须由审核人员决定）',
          'override the wording check (a reviewer decides)',
        ),
      )
    }
  }

  /** An article in the recycle bin, which the services' `get` does not show. */
  async function deletedArticle(id: number): Promise<Article> {
    const row = await store.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFoundError('article', id)
    const quotes = await store.db
      .selectFrom('article_columns')
      .select('column_id')
      .where('article_id', '=', id)
      .execute()
    return toArticle(
      row,
      quotes.map((quote) => quote.column_id),
    )
  }

  /**
   * Sites and their column trees (names, not content): seen by those working in the site, by
   * the system administrator who creates sites, and by the security administrator who grants
   * roles in them.
   */
  const seesStructure = (siteId: number) =>
    canReadSite(access, siteId) || canAdministerSystem(access) || canAdministerSecurity(access)

  /**
   * Sites where the user handles a mailbox. A handler may hold no content role at all (issue 14):
   * they see the site itself, so that the admin's site switcher offers its inbox, and nothing
   * of its content (columns and articles still answer NOT_FOUND).
   */
  async function handledSiteIds(): Promise<ReadonlySet<number>> {
    if (access.userId === null) return new Set()
    const rows = await store.db
      .selectFrom('mailbox_handlers')
      .innerJoin('mailboxes', 'mailboxes.id', 'mailbox_handlers.mailbox_id')
      .select('mailboxes.site_id')
      .where('mailbox_handlers.user_id', '=', access.userId)
      .execute()
    return new Set(rows.map((row) => row.site_id))
  }

  const writes = (_article: Article, place: ContentPlace) => canWrite(access, place)
  // The articles' own site ids: their sites exist (a foreign key), so the tree is read without
  // looking the site up again (a list read it twice already).
  const describe = <T extends Article>(articles: readonly T[]) =>
    describeArticles(store, (siteId) => loadColumnTree(store.db, siteId), principal, articles)
  /** What a step returns: the article as it now is, with what the user may do next. */
  const described = async <T extends Article>(article: Promise<T>) =>
    (await describe([await article]))[0] as T & { readonly allowedActions: readonly string[] }
  const withSiteActions = (site: Site): SiteView => ({
    ...site,
    allowedActions: allowedSiteActions(access, site.id),
  })

  return {
    principal,
    sites: {
      async list() {
        const all = await content.sites.list()
        const handled = await handledSiteIds()
        return all.filter((site) => seesStructure(site.id) || handled.has(site.id)).map(withSiteActions)
      },
      async listWithContent() {
        return (await content.sites.list()).filter((site) => seesStructure(site.id))
      },
      async get(ref) {
        const site = await content.sites.get(ref)
        if (!seesStructure(site.id) && !(await handledSiteIds()).has(site.id))
          return refuse('site.get', 'site', ref, new NotFoundError('site', ref))
        return withSiteActions(site)
      },
      async create(input) {
        if (!canAdministerSystem(access))
          await refuse('site.create', 'site', '', new ForbiddenError('创建站点', 'create sites'))
        return content.sites.create(actor, input)
      },
      async update(ref, patch) {
        const site = await content.sites.get(ref)
        if (!canAdministerSystem(access)) await requireManage(site.id, 'site.update', 'site', site.id)
        return content.sites.update(actor, site.id, patch)
      },
    },

    columns: {
      async tree(ref) {
        const site = await content.sites.get(ref)
        if (!seesStructure(site.id)) return refuse('column.tree', 'site', ref, new NotFoundError('site', ref))
        return content.columns.tree(site.id)
      },
      async treeWithActions(ref) {
        return withColumnActions(access, (await this.tree(ref)).roots)
      },
      async get(id) {
        const column = await content.columns.get(id)
        if (!canReadSite(access, column.siteId))
          return refuse('column.get', 'column', id, new NotFoundError('column', id))
        return column
      },
      async create(input) {
        await requireManage(input.siteId, 'column.create', 'site', input.siteId)
        return content.columns.create(actor, input)
      },
      async update(id, patch) {
        await requireManage((await content.columns.get(id)).siteId, 'column.update', 'column', id)
        return content.columns.update(actor, id, patch)
      },
      async move(id, to) {
        await requireManage((await content.columns.get(id)).siteId, 'column.move', 'column', id)
        return content.columns.move(actor, id, to)
      },
      async reorder(ref, parentId, orderedIds) {
        const site = await content.sites.get(ref)
        await requireManage(site.id, 'column.reorder', 'site', site.id)
        return content.columns.reorder(actor, site.id, parentId, orderedIds)
      },
      async delete(id) {
        await requireManage((await content.columns.get(id)).siteId, 'column.delete', 'column', id)
        return content.columns.delete(actor, id)
      },
      async restore(id) {
        const column = await content.columns.get(id).catch(() => null)
        const siteId = column?.siteId ?? (await deletedColumnSite(store, id))
        await requireManage(siteId, 'column.restore', 'column', id)
        return content.columns.restore(actor, id)
      },
    },

    articles: {
      async list(query) {
        // The list reads the site the check allowed, by id: by its slug again, a rename
        // between the two could point it at another site.
        const site = await siteFor(query.site, 'article.list')
        const { items, total } = await content.articles.list({ ...query, site: site.id })
        return { items: await describe(items), total }
      },
      async get(id) {
        const [described] = await describe([await visibleArticle(id, 'article.get')])
        return described as ArticleView
      },
      async create(input) {
        await requireWrite(input.columnId, 'article.create', '')
        for (const other of input.alsoInColumnIds ?? []) await requireWrite(other, 'article.create', '')
        const place = await placeOf(input.columnId)
        await requireBackdateRight(place.siteId, input.publishAt, 'article.create', '')
        return withWordingHits(await content.articles.create(actor, input))
      },
      async copy(id, target) {
        await visibleArticle(id, 'article.copy')
        await requireWrite(target.columnId, 'article.copy', id)
        return withWordingHits(await content.articles.copy(actor, id, target))
      },
      async orderPinned(columnId, articleIds) {
        await requireWrite(columnId, 'article.orderPinned', columnId)
        return content.articles.orderPinned(actor, columnId, articleIds)
      },
      async orderManually(columnId, articleIds) {
        await requireWrite(columnId, 'column.orderArticles', columnId)
        return content.articles.orderManually(actor, columnId, articleIds)
      },
      async manualOrder(columnId) {
        await requireWrite(columnId, 'column.readOrder', columnId)
        return content.articles.manualOrder(columnId)
      },
      async update(id, patch) {
        const found = await article(id, 'article.update', writes, '编辑此文章', 'edit this article')
        await requireChangeRights(found, patch, 'article.update')
        return withWordingHits(await content.articles.update(actor, id, patch))
      },
      async submit(id, override) {
        const found = await article(id, 'article.submit', writes, '送审此文章', 'submit this article')
        await requireOverrideRight(found, override, 'article.submit', true)
        return described(content.articles.submit(actor, id, override))
      },
      async recall(id) {
        await article(
          id,
          'article.recall',
          (found, place) =>
            canWrite(access, place) &&
            (found.submittedBy === actor.name || canManageSite(access, found.siteId)),
          '撤回他人送审的文章',
          'recall an article someone else submitted',
        )
        return described(content.articles.recall(actor, id))
      },
      async approve(id, level, override) {
        const found = await article(
          id,
          'article.approve',
          (_a, place) => canReview(access, place, level),
          `在第 ${level} 级审核此文章`,
          `approve this article at level ${level}`,
        )
        await requireOverrideRight(found, override, 'article.approve')
        return described(content.articles.approve(actor, id, level, override))
      },
      async reject(id, comment) {
        await article(
          id,
          'article.reject',
          (found, place) => canReview(access, place, found.reviewStage + 1),
          '退回此文章',
          'reject this article',
        )
        return described(content.articles.reject(actor, id, comment))
      },
      async publish(id, override) {
        await article(
          id,
          'article.publish',
          (found) => canManageSite(access, found.siteId),
          '直接发布文章（请送审）',
          'publish directly (submit it for review)',
        )
        return described(content.articles.publish(actor, id, override))
      },
      async withdraw(id, reason) {
        await article(id, 'article.withdraw', writes, '撤稿', 'withdraw this article')
        return described(content.articles.withdraw(actor, id, reason))
      },
      async scheduleUnpublish(id, at) {
        await article(id, 'article.scheduleUnpublish', writes, '设置定时撤稿', 'schedule a withdrawal')
        return described(content.articles.scheduleUnpublish(actor, id, at))
      },
      async delete(id) {
        await article(id, 'article.delete', writes, '删除此文章', 'delete this article')
        return content.articles.delete(actor, id)
      },
      async restore(id) {
        const rows = await store.db
          .selectFrom('articles')
          .select(['site_id', 'column_id'])
          .where('id', '=', Number.isSafeInteger(id) ? id : 0)
          .executeTakeFirst()
        if (!rows || !canReadSite(access, rows.site_id))
          return refuse('article.restore', 'article', id, new NotFoundError('article', id))
        await requireWrite(rows.column_id, 'article.restore', id)
        await requireReviewedChangeRight(await deletedArticle(id), [], 'article.restore')
        return described(content.articles.restore(actor, id))
      },
      async revisions(id) {
        await visibleArticle(id, 'article.revisions')
        return content.articles.revisions(id)
      },
      async revision(id, revision) {
        await visibleArticle(id, 'article.revision')
        return content.articles.revision(id, revision)
      },
      async diff(id, from, to) {
        await visibleArticle(id, 'article.diff')
        return content.articles.diff(id, from, to)
      },
      async restoreRevision(id, revision, baseRevision) {
        const found = await article(
          id,
          'article.restoreRevision',
          writes,
          '恢复此文章的旧版本',
          'restore an old revision',
        )
        // The old revision brings its columns and publish time back: the same checks as a save.
        const snapshot = await content.articles.revision(id, revision)
        await requireChangeRights(found, snapshot, 'article.restoreRevision')
        return described(content.articles.restoreRevision(actor, id, revision, baseRevision))
      },
    },

    audit: {
      async list(query) {
        if (!canReadAudit(access))
          await refuse('audit.list', 'audit', '', new ForbiddenError('查看审计日志', 'read the audit log'))
        return nameAuditRecords(store, await content.audit.list(query))
      },
      async record(action, targetType, targetId, detail) {
        await store.transaction((tx) =>
          appendAudit(
            store,
            tx,
            { actor, action, targetType, targetId, outcome: 'success', detail },
            new Date().toISOString(),
          ),
        )
      },
      async verify() {
        if (!canReadAudit(access))
          await refuse('audit.verify', 'audit', '', new ForbiddenError('查看审计日志', 'read the audit log'))
        return content.audit.verify()
      },
    },

    recycleBin: {
      async purge(olderThanDays) {
        if (!canAdministerSystem(access)) {
          await refuse(
            'recycleBin.purge',
            'recycleBin',
            '',
            new ForbiddenError('清空回收站', 'empty the recycle bin'),
          )
        }
        return content.recycleBin.purge(actor, olderThanDays === undefined ? {} : { olderThanDays })
      },
    },

    requireReader: (ref) => siteFor(ref, 'site.read'),

    async requireSiteAdministrator(ref) {
      const site = await siteFor(ref, 'site.administer')
      await requireManage(site.id, 'site.administer', 'site', site.id)
      return site
    },

    async mayApprove(found) {
      if (found.status !== 'submitted') return false
      return canReview(access, await placeOf(found.columnId), found.reviewStage + 1)
    },

    async requirePublisher(ref) {
      const site = await siteFor(ref, 'publish')
      await requireManage(site.id, 'publish', 'site', site.id)
      return site
    },

    async requireUploader(ref) {
      const site = await siteFor(ref, 'upload.create')
      if (!canUpload(access, site.id)) {
        await refuse(
          'upload.create',
          'site',
          site.id,
          new ForbiddenError('上传文件到此站点', 'upload files into this site'),
        )
      }
      return site
    },
  }
}

async function deletedColumnSite(store: Store, id: number): Promise<number> {
  const row = await store.db
    .selectFrom('columns')
    .select('site_id')
    .where('id', '=', Number.isSafeInteger(id) ? id : 0)
    .executeTakeFirst()
  if (!row) throw new NotFoundError('column', id)
  return row.site_id
}
