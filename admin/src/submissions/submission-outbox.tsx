import { useQuery } from '@tanstack/react-query'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { Site } from '../types.ts'
import { SubmissionTable } from './submission-table.tsx'
import type { Submission } from './types.ts'

/** 报送箱: what this site sent and what became of it (a returned one shows why). */
export function SubmissionOutbox({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const found = useQuery<Submission[]>({ queryKey: [`/api/sites/${site.id}/submissions/outbox`] })
  return (
    <section aria-label={t('sub.outbox')}>
      <ErrorAlert error={found.error} />
      <SubmissionTable site={site} items={found.data ?? []} loading={found.isPending} side="outbox" />
    </section>
  )
}
