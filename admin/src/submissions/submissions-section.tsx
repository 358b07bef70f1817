import { Tabs } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { AdoptionReportView } from './adoption-report-view.tsx'
import { SubmissionInbox } from './submission-inbox.tsx'
import { SubmissionOutbox } from './submission-outbox.tsx'
import { SubmissionSources } from './submission-sources.tsx'
import './submissions.css'

/** 信息报送 for the chosen site: its inbox, its outbox, the adoption report, and (administrators) who may submit. */
export default function SubmissionsSection({
  site,
  managesSite,
}: {
  readonly site: Site
  readonly managesSite: boolean
}) {
  const { t } = useI18n()
  return (
    <Tabs
      className="submissions-section"
      destroyOnHidden
      items={[
        { key: 'inbox', label: t('sub.inbox'), children: <SubmissionInbox site={site} /> },
        { key: 'outbox', label: t('sub.outbox'), children: <SubmissionOutbox site={site} /> },
        { key: 'report', label: t('sub.report'), children: <AdoptionReportView site={site} /> },
        ...(managesSite
          ? [{ key: 'sources', label: t('sub.sources'), children: <SubmissionSources site={site} /> }]
          : []),
      ]}
    />
  )
}
