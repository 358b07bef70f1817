import { Card } from 'antd'
import type { StatisticsReport } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'

/** The 政府网站工作年度报表 figures fabu can know; the others say "not known" rather than 0. */
export function AnnualReportCard({ annual }: { annual: StatisticsReport['annual'] }) {
  const { t } = useI18n()
  const known = (value: number | null) => (value === null ? t('statisticsUnknown') : value)
  const interaction = annual.interaction
  const rows: [MessageKey, number | string][] = [
    ['annual.totalViews', annual.totalViews],
    ['annual.published', annual.published],
    ...annual.publishedByType.map((row): [MessageKey, number] => [`annual.type.${row.type}`, row.count]),
    ['annual.specialTopics', known(annual.specialTopics)],
    ['annual.interpretations', known(annual.interpretations)],
    ...(interaction
      ? ([
          ['annual.lettersReceived', interaction.letters.received],
          ['annual.lettersAnswered', interaction.letters.answered],
          ['annual.applicationsReceived', interaction.applications.received],
          ['annual.applicationsAnswered', interaction.applications.answered],
          ['annual.consultationsOpened', interaction.consultations.opened],
          ['annual.opinions', interaction.consultations.opinions],
          ['annual.resultsPublished', interaction.consultations.resultsPublished],
        ] as [MessageKey, number][])
      : ([['annual.interaction', t('statisticsUnknown')]] as [MessageKey, string][])),
  ]
  return (
    <Card
      className="section-card statistics-card"
      title={
        <h3 id="annual-title" className="card-title">
          {t('statisticsAnnual')}
        </h3>
      }
    >
      <p className="dashboard-note">{t('statisticsAnnualNote')}</p>
      <table className="statistics-table" aria-labelledby="annual-title" data-testid="annual-report">
        <thead>
          <tr>
            <th scope="col">{t('statisticsFigure')}</th>
            <th scope="col">{t('statisticsCount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
