import {
  type Article,
  articleTexts,
  type Column,
  type ColumnUpdateType,
  quotesOfSite,
  type WordingGate,
} from '../content/index.ts'
import type { Store } from '../store/index.ts'
import { daysBetween, type EvidenceRef, type InspectionItem } from './inspection-item.ts'

/** The inspection's limits (国办秘函〔2019〕19号, 单项否决 items 2 and 3). */
export const HOME_STALE_DAYS = 14
export const STALE_COLUMNS_TO_FAIL = 5
export const BLANK_COLUMNS_TO_FAIL = 5
const LIMIT_DAYS: Readonly<Record<ColumnUpdateType, number | null>> = {
  news: 14,
  notice: 183,
  policy: 183,
  other: null,
}

interface Published {
  readonly id: number
  readonly columnIds: readonly number[]
  readonly title: string
  readonly publishAt: string
  readonly createdAt: string
  readonly createdBy: string
  /** Where it is on the public site, once published. */
  readonly urlPath: string | null
}

export interface ContentFacts {
  readonly siteId: number
  readonly columns: readonly Column[]
  readonly now: string
  /** When the site first went live from fabu: content entered before is the old site's, moved in. */
  readonly firstPublishedAt: string | null
}

async function publishedArticles(store: Store, siteId: number, now: string): Promise<Published[]> {
  const rows = await store.db
    .selectFrom('articles')
    .select(['id', 'column_id', 'title', 'publish_at', 'created_at', 'created_by', 'url_path'])
    .where('site_id', '=', siteId)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .where('publish_at', 'is not', null)
    .where('publish_at', '<=', now)
    .execute()
  const quoted = await quotesOfSite(store, siteId)
  return rows.map((row) => ({
    id: row.id,
    columnIds: [row.column_id, ...(quoted.get(row.id) ?? [])],
    title: row.title,
    publishAt: row.publish_at as string,
    createdAt: row.created_at,
    createdBy: row.created_by,
    urlPath: row.url_path,
  }))
}

const day = (instant: string) => instant.slice(0, 10)
const articleRef = (article: Published): EvidenceRef => ({
  kind: 'article',
  id: article.id,
  path: article.urlPath,
})
const columnRef = (column: Column): EvidenceRef => ({ kind: 'column', id: column.id, path: column.path })

/** The indicators read from the database: freshness, blank columns, dates, wording. */
export async function inspectContent(
  store: Store,
  facts: ContentFacts,
  gate: WordingGate,
): Promise<InspectionItem[]> {
  const { columns, now } = facts
  const articles = await publishedArticles(store, facts.siteId, now)
  const newestIn = new Map<number, Published>()
  for (const article of articles) {
    for (const columnId of article.columnIds) {
      const known = newestIn.get(columnId)
      if (!known || known.publishAt < article.publishAt) newestIn.set(columnId, article)
    }
  }
  // A column that lists its descendants' articles shows their newest too.
  const newestShown = (column: Column): Published | undefined => {
    let newest = newestIn.get(column.id)
    if (!column.includesDescendants) return newest
    for (const other of columns) {
      if (other.path.startsWith(`${column.path}/`)) {
        const candidate = newestIn.get(other.id)
        if (candidate && (!newest || newest.publishAt < candidate.publishAt)) newest = candidate
      }
    }
    return newest
  }
  const newest = articles.reduce<Published | undefined>(
    (a, b) => (!a || a.publishAt < b.publishAt ? b : a),
    undefined,
  )
  const homeAge = newest ? daysBetween(newest.publishAt, now) : Number.POSITIVE_INFINITY

  const stale: string[] = []
  const staleRefs: EvidenceRef[] = []
  for (const column of columns) {
    const limit = LIMIT_DAYS[column.updateType]
    if (limit === null || column.kind !== 'list') continue
    const shown = newestShown(column)
    if (!shown || daysBetween(shown.publishAt, now) > limit) staleRefs.push(columnRef(column))
    if (!shown)
      stale.push(`${column.trail.join(' > ')} (${column.updateType}, ≤ ${limit} d): 无文章 / no article`)
    else if (daysBetween(shown.publishAt, now) > limit)
      stale.push(
        `${column.trail.join(' > ')} (${column.updateType}, ≤ ${limit} d): ${day(shown.publishAt)} 「${shown.title}」, ${Math.floor(daysBetween(shown.publishAt, now))} d`,
      )
  }

  const blankColumns = columns.filter((column) => column.kind === 'list' && !newestShown(column))
  const blank = blankColumns.map((column) => `${column.trail.join(' > ')} (/${column.path}/)`)

  // Content entered before the site first went live is the old site's, moved in: its dates are its own.
  const liveFrom = facts.firstPublishedAt
  const backdatedArticles = articles
    .filter((article) => liveFrom !== null && article.createdAt > liveFrom)
    .filter((article) => daysBetween(article.publishAt, article.createdAt) > 1 / 1440)
  const backdated = backdatedArticles.map(
    (article) =>
      `#${article.id} 「${article.title}」: 显示发布 shown ${article.publishAt.slice(0, 16)}, 创建 created ${article.createdAt.slice(0, 16)} (${article.createdBy})`,
  )

  const wording = await publishedWordingHits(store, facts.siteId, articles, gate)

  return [
    {
      rule: 'home-updated',
      title: { zh: '首页更新（两周内）', en: 'home page updated within two weeks' },
      isSingleVeto: true,
      status: homeAge > HOME_STALE_DAYS ? 'fail' : 'pass',
      evidence: newest
        ? [`${day(newest.publishAt)} 「${newest.title}」 (#${newest.id}), ${Math.floor(homeAge)} d`]
        : ['无已发布文章 / nothing published'],
      refs: newest ? [articleRef(newest)] : [null],
      fix: { zh: '在首页展示的栏目发布新信息', en: 'publish news in a column the home page shows' },
    },
    {
      rule: 'stale-columns',
      title: {
        zh: '栏目更新（动态要闻两周、通知公告和政策文件六个月；5 个及以上未更新为否决）',
        en: 'columns updated (news 2 weeks, notices and policies 6 months; 5 or more stale fails)',
      },
      isSingleVeto: true,
      status: stale.length >= STALE_COLUMNS_TO_FAIL ? 'fail' : stale.length > 0 ? 'warn' : 'pass',
      evidence: stale,
      refs: staleRefs,
      fix: {
        zh: '更新这些栏目，或在栏目设置中改正其更新类型（news/notice/policy/other），不再维护的栏目应合并或撤下',
        en: 'update these columns, or correct their update type (news/notice/policy/other); merge or remove columns no longer kept',
      },
    },
    {
      rule: 'blank-columns',
      title: { zh: '空白栏目（5 个及以上为否决）', en: 'blank columns (5 or more fails)' },
      isSingleVeto: true,
      status: blank.length >= BLANK_COLUMNS_TO_FAIL ? 'fail' : blank.length > 0 ? 'warn' : 'pass',
      evidence: blank,
      refs: blankColumns.map(columnRef),
      fix: {
        zh: '为空白栏目发布信息，或删除栏目、改为单页或外链',
        en: 'publish in these columns, or delete them, or make them a single page or a link',
      },
    },
    {
      rule: 'backdated-articles',
      title: { zh: '发布时间早于录入时间（倒填日期）', en: 'publish time earlier than entry (back-dating)' },
      isSingleVeto: true,
      status: backdated.length > 0 ? 'fail' : 'pass',
      evidence: backdated,
      refs: backdatedArticles.map(articleRef),
      fix: {
        zh: '核实并改正发布时间；迁移旧站内容请在站点首次发布前录入',
        en: 'check and correct the publish times; move an old site’s content in before the site first goes live',
      },
      note: 'fabu 尚无导入标记：站点首次发布后录入的文章一律按原创计 / no import marker yet: every article entered after the site first went live counts as written in fabu',
    },
    {
      rule: 'published-wording',
      title: {
        zh: '已发布信息中的禁用词（含领导人姓名等错误）',
        en: 'forbidden words in published articles',
      },
      isSingleVeto: true,
      status: wording.length > 0 ? 'fail' : 'pass',
      evidence: wording.map((hit) => hit.line),
      refs: wording.map((hit) => hit.ref),
      fix: {
        zh: '撤稿修改后重新送审；审核人员放行的已记入审计日志',
        en: 'withdraw, correct and submit again; overrides are in the audit log',
      },
    },
  ]
}

async function publishedWordingHits(
  store: Store,
  siteId: number,
  articles: readonly Published[],
  gate: WordingGate,
): Promise<{ line: string; ref: EvidenceRef }[]> {
  const byId = new Map(articles.map((article) => [article.id, article]))
  const evidence: { line: string; ref: EvidenceRef }[] = []
  // In batches: a site's bodies together may be far larger than memory wants at once.
  for (let from = 0; from < articles.length; from += 100) {
    const ids = articles.slice(from, from + 100).map((article) => article.id)
    const rows = await store.db
      .selectFrom('articles')
      .select(['id', 'title', 'subtitle', 'summary', 'body_html', 'attachments'])
      .where('id', 'in', ids)
      .execute()
    for (const row of rows) {
      const fields: Pick<Article, 'title' | 'subtitle' | 'summary' | 'bodyHtml' | 'attachments'> = {
        title: row.title,
        subtitle: row.subtitle,
        summary: row.summary,
        bodyHtml: row.body_html,
        attachments: JSON.parse(row.attachments),
      }
      const hits = (await gate.check(store.db, siteId, articleTexts(fields))).filter(
        (hit) => hit.level === 'block',
      )
      for (const hit of hits)
        evidence.push({
          line: `#${row.id} 「${row.title}」 ${hit.field}: 「${hit.found}」${hit.suggestion ? ` → ${hit.suggestion}` : ''}`,
          ref: { kind: 'article', id: row.id, path: byId.get(row.id)?.urlPath ?? null },
        })
    }
  }
  return evidence
}
