import { Alert } from 'antd'
import { useI18n } from '../i18n.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import type { InspectionReport } from './inspection-types.ts'

/** What failed or was fixed since the stored run before (the daily run, or a saved one). */
export function InspectionChanges({ report, timeZone }: { report: InspectionReport; timeZone: string }) {
  const { t, language } = useI18n()
  const changes = report.changes
  if (!changes) return <p className="dashboard-empty">{t('inspectionNoPrevious')}</p>
  const minute = timeFormatter({ timeZone })
  const names = (items: typeof changes.newlyFailed) => items.map((item) => item.title[language]).join('；')
  const isQuiet = changes.newlyFailed.length === 0 && changes.newlyFixed.length === 0
  return (
    <Alert
      className="inspection-changes"
      type={changes.newlyFailed.length > 0 ? 'warning' : 'info'}
      title={t('inspectionChangesSince', { time: minute(changes.since) })}
      description={
        isQuiet ? (
          t('inspectionNoChanges')
        ) : (
          <>
            {changes.newlyFailed.length > 0 ? (
              <p className="inspection-newly-failed">
                <strong>{t('inspectionNewlyFailed')}：</strong>
                {names(changes.newlyFailed)}
              </p>
            ) : null}
            {changes.newlyFixed.length > 0 ? (
              <p className="inspection-newly-fixed">
                <strong>{t('inspectionNewlyFixed')}：</strong>
                {names(changes.newlyFixed)}
              </p>
            ) : null}
          </>
        )
      }
    />
  )
}
