import { Card } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { DayViews } from './dashboard-types.ts'

const WIDTH = 600
const HEIGHT = 160
const BAR_GAP = 4

/**
 * Views per day as bars, drawn by hand: one picture with a spoken summary for screen readers,
 * and the same numbers in a table they can read day by day (WCAG 1.1.1).
 */
export function ViewsChart({ days }: { days: readonly DayViews[] }) {
  const { t } = useI18n()
  const total = days.reduce((sum, day) => sum + day.views, 0)
  const max = Math.max(0, ...days.map((day) => day.views))
  const from = days[0]?.day ?? ''
  const to = days.at(-1)?.day ?? ''
  const label = t('viewsChart', { from, to, total, max })
  const slot = days.length > 0 ? WIDTH / days.length : WIDTH
  const plotHeight = HEIGHT - 1
  return (
    <Card
      className="section-card dashboard-card"
      title={
        <h3 id="views-title" className="card-title">
          {t('viewsTitle')}
        </h3>
      }
    >
      <p className="dashboard-note">{total === 0 ? t('viewsNone') : t('viewsTotal', { total, max })}</p>
      <svg className="views-chart" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
        <title>{label}</title>
        <line x1={0} y1={plotHeight} x2={WIDTH} y2={plotHeight} stroke="#6b7280" strokeWidth={1} />
        {days.map((day, index) => {
          const height = max === 0 ? 0 : (day.views / max) * (plotHeight - 4)
          return (
            <rect
              key={day.day}
              className="views-bar"
              x={index * slot + BAR_GAP / 2}
              y={plotHeight - height}
              width={Math.max(1, slot - BAR_GAP)}
              height={height}
              fill="#1d4f91"
            >
              <title>{`${day.day}: ${day.views}`}</title>
            </rect>
          )
        })}
      </svg>
      {/* Under the chart in the page's own font size: text inside the scaled drawing would shrink. */}
      <div className="views-axis" aria-hidden="true">
        <span>{from}</span>
        <span>{to}</span>
      </div>
      <table className="visually-hidden">
        <caption>{t('viewsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('viewsDay')}</th>
            <th scope="col">{t('viewsCount')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{day.day}</th>
              <td>{day.views}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}
