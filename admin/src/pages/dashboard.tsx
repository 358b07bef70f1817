import { useQuery } from '@tanstack/react-query'
import { Button, Space, Spin } from 'antd'
import { useState } from 'react'
import { ArticleCard } from '../dashboard/article-card.tsx'
import type { DashboardArticle, DashboardData } from '../dashboard/dashboard-types.ts'
import { DueCasesCard } from '../dashboard/due-cases-card.tsx'
import { InspectionCard } from '../dashboard/inspection-card.tsx'
import { RecentRunsCard } from '../dashboard/recent-runs-card.tsx'
import { TopArticlesCard } from '../dashboard/top-articles-card.tsx'
import { ViewsChart } from '../dashboard/views-chart.tsx'
import '../dashboard/dashboard.css'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import '../sections/sections.css'
import type { SessionView, Site } from '../types.ts'

export interface DashboardProps {
  readonly site: Site
  readonly session: SessionView
  /** Opens an article in the editor; without it the lists only show titles. */
  readonly onOpenArticle?: (id: number) => void
  /** Opens the full inspection report (检查指标自查). */
  readonly onOpenInspection?: () => void
}

/** 工作台: what waits for the user, what came back, what is due, and how the site is read (issue 5). */
export function Dashboard({ site, onOpenArticle, onOpenInspection }: DashboardProps) {
  const { t } = useI18n()
  const dashboard = useQuery<DashboardData>({ queryKey: [`/api/sites/${site.id}/dashboard`] })
  const data = dashboard.data ?? null
  const error = dashboard.error
  const isLoading = dashboard.isFetching
  // Counts refreshes: the due cases card asks again with the dashboard.
  const [asked, setAsked] = useState(0)

  const minute = timeFormatter({ timeZone: site.timeZone })
  const waitingNote = (article: DashboardArticle) =>
    t('waitingLevel', { level: t(`level.${Math.min(article.reviewStage + 1, 3)}` as MessageKey) })
  const rejectedNote = (article: DashboardArticle) =>
    article.reviewComment ? t('reviewComment', { comment: article.reviewComment }) : t('noReviewComment')
  const scheduledNote = (article: DashboardArticle) => t('scheduledAt', { time: minute(article.publishAt) })

  return (
    <PlainButtons>
      <section aria-labelledby="dashboard-title" aria-busy={isLoading} className="section-page">
        <Space className="tab-toolbar" align="center">
          <h2 id="dashboard-title" className="section-title">
            {t('dashboardOf', { site: site.name })}
          </h2>
          <Button
            onClick={() => {
              setAsked((n) => n + 1)
              void dashboard.refetch()
            }}
            loading={isLoading && data !== null}
          >
            {t('refresh')}
          </Button>
        </Space>
        <ErrorAlert error={error} />
        {data === null ? (
          isLoading ? (
            <Spin />
          ) : null
        ) : (
          <div className="dashboard-grid">
            <ArticleCard
              id="waiting-title"
              title={t('waitingTitle')}
              articles={data.waitingForMe}
              empty={t('waitingEmpty')}
              note={waitingNote}
              onOpenArticle={onOpenArticle}
            />
            <ArticleCard
              id="rejected-title"
              title={t('rejectedTitle')}
              articles={data.rejected}
              empty={t('rejectedEmpty')}
              note={rejectedNote}
              onOpenArticle={onOpenArticle}
            />
            <ArticleCard
              id="scheduled-title"
              title={t('scheduledTitle')}
              articles={data.scheduled}
              empty={t('scheduledEmpty')}
              note={scheduledNote}
              onOpenArticle={onOpenArticle}
            />
            {site.allowedActions.includes('inspection') && (
              <InspectionCard site={site} {...(onOpenInspection ? { onOpenReport: onOpenInspection } : {})} />
            )}
            <DueCasesCard siteId={site.id} refreshKey={asked} />
            <RecentRunsCard site={site} runs={data.recentRuns} />
            <ViewsChart days={data.viewsPerDay} />
            <TopArticlesCard articles={data.topArticles} />
          </div>
        )}
      </section>
    </PlainButtons>
  )
}
