import type { Selectable } from 'kysely'
import { formatZonedMinute } from '../../content/index.ts'
import type { ConsultationsTable, Store } from '../../store/index.ts'
import type { Theme } from '../render/theme.ts'
import type { PageJob } from './page-job.ts'
import { liveArticles } from './publish-order.ts'
import type { SiteSnapshot } from './site-snapshot.ts'
import { CONSULTATION_LIST_PATH, consultationPath } from './url-scheme.ts'

export function showsConsultations(theme: Theme): boolean {
  return 'consultations.liquid' in theme.templates && 'consultation.liquid' in theme.templates
}

const stateLabels = { upcoming: '未开始', open: '征集中', closed: '已结束' } as const

/**
 * The consultations page (those open or upcoming, then those closed) and the page of each in
 * `ids` ('all': every one). Whether one is open is decided on the site's day of the publish:
 * a consultation that opens or ends shows so after the next publish.
 */
export async function consultationJobs(
  store: Store,
  snapshot: SiteSnapshot,
  ids: 'all' | readonly number[],
): Promise<PageJob[]> {
  const rows = await store.db
    .selectFrom('consultations')
    .selectAll()
    .where('site_id', '=', snapshot.site.id)
    .orderBy('starts_day', 'desc')
    .orderBy('id', 'desc')
    .execute()
  if (rows.length === 0) return []
  // The 结果反馈 articles still on the site: a withdrawn one is no longer linked.
  const feedbackIds = rows.flatMap((row) =>
    row.feedback_article_id === null ? [] : [row.feedback_article_id],
  )
  const feedback = new Map(
    (feedbackIds.length === 0
      ? []
      : await liveArticles(store).select(['id', 'title', 'url_path']).where('id', 'in', feedbackIds).execute()
    ).map((article) => [article.id, article]),
  )
  const { basePath, baseUrl } = snapshot.context.site
  const today = formatZonedMinute(new Date().toISOString(), snapshot.site.timeZone).slice(0, 10)
  const listUrl = `${basePath}${CONSULTATION_LIST_PATH}`
  const trail = [{ name: '意见征集', url: listUrl }]
  const view = (row: Selectable<ConsultationsTable>) => {
    const state = today < row.starts_day ? 'upcoming' : today > row.ends_day ? 'closed' : 'open'
    return {
      id: row.id,
      url: `${basePath}${consultationPath(row.id)}`,
      formUrl: `${basePath}_fabu/consultations/${row.id}`,
      title: row.title,
      startsDay: row.starts_day,
      endsDay: row.ends_day,
      state,
      stateLabel: stateLabels[state],
      isOpen: state === 'open',
      summary: row.summary ?? '',
      summaryAt: row.summary_at ?? '',
      feedback: feedbackOf(row),
    }
  }
  function feedbackOf(row: Selectable<ConsultationsTable>) {
    const article = row.feedback_article_id === null ? undefined : feedback.get(row.feedback_article_id)
    return article ? { title: article.title, url: `${basePath}${article.url_path ?? ''}` } : null
  }
  const views = rows.map(view)
  const jobs: PageJob[] = [
    {
      path: CONSULTATION_LIST_PATH,
      kind: 'consultations',
      refId: null,
      template: 'consultations.liquid',
      data: {
        page: {
          kind: 'consultations',
          title: '意见征集',
          description: `${snapshot.site.name} 意见征集`,
          canonicalUrl: `${baseUrl}${CONSULTATION_LIST_PATH}`,
        },
        consultations: {
          trail,
          current: views.filter((item) => item.state !== 'closed'),
          closed: views.filter((item) => item.state === 'closed'),
        },
      },
      deps: [],
    },
  ]
  const wanted = ids === 'all' ? null : new Set(ids)
  for (const row of rows) {
    if (wanted && !wanted.has(row.id)) continue
    const path = consultationPath(row.id)
    jobs.push({
      path,
      kind: 'consultation',
      refId: row.id,
      template: 'consultation.liquid',
      data: {
        page: {
          kind: 'consultation',
          title: row.title,
          description: `${snapshot.site.name} 意见征集：${row.title}`,
          canonicalUrl: `${baseUrl}${path}`,
        },
        consultation: { ...view(row), draft: row.draft, trail },
      },
      // Rebuilt when its 结果反馈 article changes or is withdrawn.
      deps: row.feedback_article_id === null ? [] : [`article:${row.feedback_article_id}`],
    })
  }
  return jobs
}
