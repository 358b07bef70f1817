import type { Actor } from './actor.ts'
import type { Article, ArticleSnapshot } from './article.ts'
import type { ArticleInput, ArticlePatch } from './article-inputs.ts'
import { type ArticleQuery, listArticlesOf } from './article-query.ts'
import { articleRevisions } from './article-revisions.ts'
import { articleWorkflow } from './article-workflow.ts'
import { articleWriting } from './article-writing.ts'
import { type CopyTarget, copyArticle } from './copy-article.ts'
import { columnArticleOrder, orderColumnArticles } from './order-column-articles.ts'
import { orderPinnedArticles } from './order-pinned-articles.ts'
import { readArticle } from './read-article.ts'
import type { RevisionDiff } from './revision-diff.ts'
import type { ServiceContext } from './service-context.ts'
import { articleTexts, type WordingHit, type WordingOverride } from './wording-gate.ts'

export interface RevisionSummary {
  readonly revision: number
  readonly actor: string
  /** Who saved it as people know them: the user's display name, not `admin (user:1)`. */
  readonly actorName: string
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
  /** 复制: a new draft copy in another column, of this site or another; audited with its source. */
  copy(actor: Actor, id: number, target: CopyTarget): Promise<Article>
  /** 置顶排序: the listed articles of the column first in its lists, in this order (pin weights). */
  orderPinned(actor: Actor, columnId: number, articleIds: readonly number[]): Promise<readonly number[]>
  /** 排序: the listed articles follow the pinned ones on the column's newest page, in this order. */
  orderManually(actor: Actor, columnId: number, articleIds: readonly number[]): Promise<readonly number[]>
  /** The column's manual order as saved. */
  manualOrder(columnId: number): Promise<readonly number[]>
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
   * 撤回: takes an article waiting for its first review back to draft, so its author can change
   * it; refused (INVALID_STATE) once a reviewer has approved a level or decided.
   */
  recall(actor: Actor, id: number): Promise<Article>
  /**
   * Approves at `level`, which must be the level the article waits for (so two reviewers
   * cannot both pass one level); the column's last level publishes or schedules it.
   */
  approve(actor: Actor, id: number, level: number, override?: WordingOverride): Promise<Article>
  /** Returns a submitted article to its author with the reviewer's comment. */
  reject(actor: Actor, id: number, comment: string): Promise<Article>
  /** Sets (or with null clears) the time a published article comes off the site by itself. */
  scheduleUnpublish(actor: Actor, id: number, at: string | null): Promise<Article>
  /**
   * Publishes the scheduled articles whose time has come, withdraws those due to come off and
   * unpins those whose 置顶 has ended.
   */
  runDue(actor: Actor): Promise<{
    readonly published: readonly number[]
    readonly withdrawn: readonly number[]
    readonly unpinned: readonly number[]
  }>
}

/** Marks a save as `fabu import` bringing a page of an old site in. */
export interface ImportedFrom {
  readonly importedFrom?: string
  /** The 索引号 the old site gave a disclosure article, kept instead of a new one. */
  readonly indexNo?: string
}

/**
 * The articles of every site: reading them here, and the rest from three parts, each its own
 * file: writing (article-writing.ts), the way onto the site and off (article-workflow.ts) and
 * the history (article-revisions.ts).
 */
export function articleService(ctx: ServiceContext): ArticleService {
  return {
    get: (id) => readArticle(ctx, ctx.store.db, id),
    wordingHits: (article) =>
      ctx.options.wordingGate.check(ctx.store.db, article.siteId, articleTexts(article)),
    list: (query) => listArticlesOf(ctx.store, query, ctx.options.articleText),
    copy: (actor, id, target) => copyArticle(ctx, actor, id, target),
    orderPinned: (actor, columnId, ids) => orderPinnedArticles(ctx, actor, columnId, ids),
    orderManually: (actor, columnId, ids) => orderColumnArticles(ctx, actor, columnId, ids),
    manualOrder: (columnId) => columnArticleOrder(ctx.store.db, columnId),
    ...articleWriting(ctx),
    ...articleWorkflow(ctx),
    ...articleRevisions(ctx),
  }
}
