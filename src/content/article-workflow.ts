import { z } from 'zod'
import { ForbiddenError, InvalidStateError, ValidationError, WordingBlockedError } from '../errors/index.ts'
import { parseZonedMinute } from '../markup/index.ts'
import type { Tx } from '../store/index.ts'
import type { Actor } from './actor.ts'
import { isRecallable } from './allowed-actions.ts'
import type { Article, ArticleStatus } from './article.ts'
import type { ArticleService } from './article-service.ts'
import { readArticle } from './read-article.ts'
import { recordArticleChange } from './record-article-change.ts'
import { awaitedLevel, reviewLevelsOf, step, trailOf } from './review-trail.ts'
import { perform, type ServiceContext } from './service-context.ts'
import { findSite } from './site-service.ts'
import { validateInput } from './validate-input.ts'
import { articleTexts, type WordingOverride } from './wording-gate.ts'

/** An article's way onto the site and off it: review, publish, schedule, withdraw. */
export function articleWorkflow(
  ctx: ServiceContext,
): Pick<
  ArticleService,
  'submit' | 'recall' | 'approve' | 'reject' | 'publish' | 'withdraw' | 'scheduleUnpublish' | 'runDue'
> {
  return {
    publish(actor, id, override) {
      return perform(ctx, actor, 'article.publish', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
        if (article.status === 'published') {
          throw new InvalidStateError({ zh: `文章 ${id} 已发布`, en: `article ${id} is published already` })
        }
        const wording = await checkWording(ctx, tx, article, override)
        await setStatus(tx, article, 'published', actor, now)
        await recordArticleChange(tx, article, 'publish', now)
        return { value: await readArticle(ctx, tx, id), targetId: id, detail: wording }
      })
    },

    submit(actor, id, override) {
      return perform(ctx, actor, 'article.submit', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
        if (article.status !== 'draft' && article.status !== 'rejected' && article.status !== 'withdrawn') {
          throw new InvalidStateError({
            zh: `文章 ${id} 当前状态为 ${article.status}，只有草稿、退回或已撤稿的文章可以送审`,
            en: `article ${id} is ${article.status}; only drafts, rejected and withdrawn articles can be submitted`,
          })
        }
        const wording = await checkWording(ctx, tx, article, override)
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
          value: await readArticle(ctx, tx, id),
          targetId: id,
          detail: { status, reviewLevels: levels, ...wording },
        }
      })
    },

    recall(actor, id) {
      return perform(ctx, actor, 'article.recall', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
        if (!isRecallable(article)) {
          throw new InvalidStateError(
            article.status === 'submitted'
              ? {
                  zh: `文章《${article.title}》已通过第 ${article.reviewStage} 级审核，不能撤回`,
                  en: `“${article.title}” has passed review level ${article.reviewStage} and can no longer be recalled`,
                }
              : {
                  zh: `文章《${article.title}》不在待审状态（已审核或未送审），不能撤回`,
                  en: `“${article.title}” is not waiting for review (already reviewed or never submitted); it cannot be recalled`,
                },
          )
        }
        await tx
          .updateTable('articles')
          .set({
            status: 'draft',
            review_stage: 0,
            review_trail: '[]',
            updated_by: actor.name,
            updated_at: now,
          })
          .where('id', '=', id)
          .execute()
        return { value: await readArticle(ctx, tx, id), targetId: id }
      })
    },

    approve(actor, id, level, override) {
      return perform(ctx, actor, 'article.approve', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
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
        const wording = await checkWording(ctx, tx, article, override)
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
        return { value: await readArticle(ctx, tx, id), targetId: id, detail: { level, status, ...wording } }
      })
    },

    reject(actor, id, comment) {
      return perform(ctx, actor, 'article.reject', { type: 'article', id }, async (tx, now) => {
        const why = validateInput(
          z.string().trim().min(1, '退回须填写意见|a rejection needs a comment').max(2000),
          comment,
          'comment',
        )
        const article = await readArticle(ctx, tx, id, { isLocked: true })
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
        return { value: await readArticle(ctx, tx, id), targetId: id, detail: { level, comment: why } }
      })
    },

    scheduleUnpublish(actor, id, at) {
      return perform(ctx, actor, 'article.scheduleUnpublish', { type: 'article', id }, async (tx, now) => {
        const article = await readArticle(ctx, tx, id, { isLocked: true })
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
        return { value: await readArticle(ctx, tx, id), targetId: id, detail: { unpublishAt: instant } }
      })
    },

    async runDue(actor) {
      const now = ctx.now()
      const due = (status: ArticleStatus, column: 'publish_at' | 'unpublish_at') =>
        ctx.store.db
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
          const article = await readArticle(ctx, tx, id, { isLocked: true })
          // Another process may have fired it meanwhile: firing twice must not publish twice.
          if (article.status !== 'scheduled')
            return { value: undefined, targetId: id, detail: { skipped: true } }
          await setStatus(tx, article, 'published', actor, at)
          await recordArticleChange(tx, article, 'publish', at)
          published.push(id)
          return { value: undefined, targetId: id }
        })
      }
      const withdrawn: number[] = []
      for (const { id } of await due('published', 'unpublish_at')) {
        await perform(ctx, actor, 'article.withdrawScheduled', { type: 'article', id }, async (tx, at) => {
          const article = await readArticle(ctx, tx, id, { isLocked: true })
          if (article.status !== 'published')
            return { value: undefined, targetId: id, detail: { skipped: true } }
          await setStatus(tx, article, 'withdrawn', actor, at)
          await tx.updateTable('articles').set({ unpublish_at: null }).where('id', '=', id).execute()
          await recordArticleChange(tx, article, 'withdraw', at)
          withdrawn.push(id)
          return { value: undefined, targetId: id, detail: { reason: '定时撤稿 / scheduled withdrawal' } }
        })
      }
      const unpinned: number[] = []
      const pinsDue = await ctx.store.db
        .selectFrom('articles')
        .select('id')
        .where('weight', '>', 0)
        .where('pinned_until', '<=', now)
        .where('deleted_at', 'is', null)
        .orderBy('id')
        .execute()
      for (const { id } of pinsDue) {
        await perform(ctx, actor, 'article.unpinScheduled', { type: 'article', id }, async (tx, at) => {
          const article = await readArticle(ctx, tx, id, { isLocked: true })
          if (article.weight === 0 || article.pinnedUntil === null || article.pinnedUntil > at)
            return { value: undefined, targetId: id, detail: { skipped: true } }
          await tx
            .updateTable('articles')
            .set({ weight: 0, pinned_until: null, updated_at: at })
            .where('id', '=', id)
            .execute()
          // Its lists put it back among the others; only the published ones show it.
          await recordArticleChange(tx, article, 'update', at)
          unpinned.push(id)
          return { value: undefined, targetId: id, detail: { pinnedUntil: article.pinnedUntil } }
        })
      }
      return { published, withdrawn, unpinned }
    },

    withdraw(actor, id, reason) {
      return perform(ctx, actor, 'article.withdraw', { type: 'article', id }, async (tx, now) => {
        const why = validateInput(
          z.string().trim().min(1, '撤稿须说明原因|a withdrawal needs a reason').max(500),
          reason,
          'reason',
        )
        const article = await readArticle(ctx, tx, id, { isLocked: true })
        if (article.status !== 'published') {
          throw new InvalidStateError({
            zh: `文章 ${id} 未发布，无需撤稿`,
            en: `article ${id} is not published`,
          })
        }
        await setStatus(tx, article, 'withdrawn', actor, now)
        await recordArticleChange(tx, article, 'withdraw', now)
        return { value: await readArticle(ctx, tx, id), targetId: id, detail: { reason: why } }
      })
    },
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
  await recordArticleChange(tx, article, 'publish', now)
  return 'published'
}

/**
 * Refuses while the article holds a 禁用 word from the site's lists; with an override reason
 * (the caller checked the right to give one) it passes, and returns what the audit keeps.
 */
async function checkWording(
  ctx: ServiceContext,
  tx: Tx,
  article: Article,
  override: WordingOverride | undefined,
) {
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
