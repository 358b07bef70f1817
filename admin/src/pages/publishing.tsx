import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import { PublishJobCard } from '../sections/publish-job-card.tsx'
import { PublishPlanCard } from '../sections/publish-plan-card.tsx'
import { PublishRunsCard } from '../sections/publish-runs-card.tsx'
import type { PublishRun } from '../sections/publish-types.ts'
import '../sections/sections.css'
import type { SessionView, Site } from '../types.ts'

export interface PublishingProps {
  readonly site: Site
  readonly session: SessionView
}

/** Publishing: the plan preview, publish jobs with progress, the manifest history (issue 5). */
export function Publishing({ site }: PublishingProps) {
  const { t } = useI18n()
  const answer = useQuery<{ items: PublishRun[] }>({ queryKey: [`/api/sites/${site.id}/publish/runs`] })
  const runs = answer.data?.items ?? null
  const error = answer.error
  const isLoading = answer.isFetching
  /** Counts finished publishes: the plan and the history are asked for again after each. */
  const [published, setPublished] = useState(0)
  const { refetch } = answer

  const onFinished = useCallback(() => {
    setPublished((n) => n + 1)
    void refetch()
  }, [refetch])

  return (
    <PlainButtons>
      <section aria-labelledby="publishing-title" className="section-page">
        <h2 id="publishing-title" className="section-title">
          {t('publishingOf', { site: site.name })}
        </h2>
        {/* Without the right to publish the site, the server's refusal is all there is to show. */}
        {runs === null && error ? (
          <ErrorAlert error={error} />
        ) : (
          <>
            <PublishPlanCard site={site} refreshKey={published} />
            <PublishJobCard site={site} onFinished={onFinished} />
            <ErrorAlert error={error} />
            <PublishRunsCard site={site} runs={runs ?? []} isLoading={isLoading} />
          </>
        )}
      </section>
    </PlainButtons>
  )
}
