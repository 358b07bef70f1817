import { Card } from 'antd'
import { useEffect, useState } from 'react'
import { ApiFailure, api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'

interface InspectionItem {
  readonly rule: string
  readonly title: { readonly zh: string; readonly en: string }
  readonly isSingleVeto: boolean
  readonly status: 'pass' | 'fail' | 'warn' | 'skip'
  readonly evidence: readonly string[]
  readonly fix: { readonly zh: string; readonly en: string }
}

interface InspectionReport {
  readonly checkedAt: string
  readonly items: readonly InspectionItem[]
  readonly failed: number
}

/**
 * 检查指标自查: each indicator of the inspection with its status, the first lines of evidence
 * and the fix. Shown to the site's administrators (the API refuses others, and the card hides).
 */
export function InspectionCard({ site }: { site: Site }) {
  const { t, language } = useI18n()
  const [report, setReport] = useState<InspectionReport | null>(null)
  const [isHidden, setHidden] = useState(false)

  useEffect(() => {
    api<InspectionReport>('GET', `/api/sites/${site.id}/inspection`).then(setReport, (error: unknown) => {
      if (error instanceof ApiFailure && (error.status === 403 || error.status === 404)) setHidden(true)
    })
  }, [site.id])

  if (isHidden) return null
  return (
    <Card
      className="section-card dashboard-card"
      title={<h3 className="card-title">{t('inspectionTitle')}</h3>}
      aria-busy={report === null}
    >
      {report === null ? null : (
        <>
          <p className={report.failed > 0 ? 'inspection-failed' : 'dashboard-empty'}>
            {report.failed > 0 ? t('inspectionFailed', { count: report.failed }) : t('inspectionPassed')}
          </p>
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
                    <ul className="inspection-evidence">
                      {item.evidence.slice(0, 5).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                      {item.evidence.length > 5 ? <li>… (+{item.evidence.length - 5})</li> : null}
                    </ul>
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
