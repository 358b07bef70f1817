import { useQuery } from '@tanstack/react-query'
import { Button, Card } from 'antd'
import { ApiFailure } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { EvidenceList } from '../inspection/evidence-list.tsx'
import { InspectionChanges } from '../inspection/inspection-changes.tsx'
import type { InspectionReport } from '../inspection/inspection-types.ts'
import { timeFormatter } from '../sections/format-time.ts'
import type { Site } from '../types.ts'

/**
 * 检查指标自查: the newest stored run (the daily one) with what changed since the day before,
 * each indicator with its status, the first lines of evidence and the fix. Shown to the site's
 * administrators (the API refuses others, and the card hides).
 */
export function InspectionCard({ site, onOpenReport }: { site: Site; onOpenReport?: () => void }) {
  const { t, language } = useI18n()
  // The same answer as the full report's, read once for both.
  const latest = useQuery<InspectionReport>({ queryKey: [`/api/sites/${site.id}/inspection/latest`] })
  const report = latest.data ?? null
  const { error } = latest
  const isHidden = error instanceof ApiFailure && (error.status === 403 || error.status === 404)

  if (isHidden) return null
  return (
    <Card
      className="section-card dashboard-card"
      title={<h3 className="card-title">{t('inspectionTitle')}</h3>}
      extra={onOpenReport ? <Button onClick={onOpenReport}>{t('inspectionOpenReport')}</Button> : null}
      aria-busy={report === null}
    >
      {report === null ? null : (
        <>
          <p className={report.failed > 0 ? 'inspection-failed' : 'dashboard-empty'}>
            {report.failed > 0 ? t('inspectionFailed', { count: report.failed }) : t('inspectionPassed')}
          </p>
          <p className="inspection-note">
            {t('inspectionCheckedAt', { time: timeFormatter({ timeZone: site.timeZone })(report.checkedAt) })}
          </p>
          <InspectionChanges report={report} timeZone={site.timeZone} />
          <ul className="dashboard-list">
            {report.items.map((item) => (
              <li key={item.rule} className="inspection-item">
                <span className={`inspection-status is-${item.status}`}>
                  {t(`inspection.${item.status}` as MessageKey)}
                </span>
                <strong>
                  {item.isSingleVeto ? '★ ' : ''}
                  {item.title[language]}
                </strong>
                {item.evidence.length > 0 && (item.status === 'fail' || item.status === 'warn') ? (
                  <>
                    <EvidenceList item={item} baseUrl={report.baseUrl} limit={5} />
                    <p className="inspection-fix">{item.fix[language]}</p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}
