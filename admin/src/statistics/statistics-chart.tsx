import { Card } from 'antd'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useId, useRef } from 'react'
import { useI18n } from '../i18n.tsx'

// Only what these charts draw, so the lazily loaded chunk stays small.
use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer])

export interface ChartRow {
  readonly label: string
  readonly value: number
}

export interface StatisticsChartProps {
  readonly title: string
  /** The table's two column headings: what each row is, and what is counted. */
  readonly labelHeading: string
  readonly valueHeading: string
  readonly rows: readonly ChartRow[]
  /** Periods read along a line; columns and editors as bars across. */
  readonly shape: 'line' | 'bars'
}

/**
 * One chart drawn by ECharts, with a spoken summary for screen readers and the same numbers in
 * a table under it that anyone can read (WCAG 1.1.1).
 */
export function StatisticsChart({ title, labelHeading, valueHeading, rows, shape }: StatisticsChartProps) {
  const { t } = useI18n()
  const drawing = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const total = rows.reduce((sum, row) => sum + row.value, 0)
  const top = rows.reduce<ChartRow | null>(
    (best, row) => (best && best.value >= row.value ? best : row),
    null,
  )
  const summary =
    total === 0 || !top
      ? t('statisticsChartEmpty', { title })
      : t('statisticsChartSummary', { title, total, max: top.value, top: top.label })

  useEffect(() => {
    const element = drawing.current
    if (!element || rows.length === 0) return
    const chart = init(element, null, { renderer: 'svg' })
    const labels = rows.map((row) => row.label)
    const values = rows.map((row) => row.value)
    chart.setOption(
      shape === 'line'
        ? {
            // Drawn at once: an animated chart is half-drawn in a screenshot or a print.
            animation: false,
            grid: { left: 48, right: 16, top: 16, bottom: 32 },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'category', data: labels },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'line', data: values, areaStyle: {}, color: '#1d4f91' }],
          }
        : {
            animation: false,
            grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
            tooltip: { trigger: 'axis' },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: [...labels].reverse() },
            series: [{ type: 'bar', data: [...values].reverse(), color: '#1d4f91' }],
          },
    )
    const resize = () => chart.resize()
    window.addEventListener('resize', resize)
    return () => {
      window.removeEventListener('resize', resize)
      chart.dispose()
    }
  }, [rows, shape])

  const height = shape === 'line' ? 220 : Math.max(120, rows.length * 28 + 40)
  return (
    <Card
      className="section-card statistics-card"
      title={
        <h3 id={titleId} className="card-title">
          {title}
        </h3>
      }
    >
      {rows.length === 0 ? (
        <p className="dashboard-empty">{t('statisticsNone')}</p>
      ) : (
        <>
          <div
            ref={drawing}
            className="statistics-drawing"
            role="img"
            aria-label={summary}
            style={{ height }}
          />
          <table className="statistics-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{labelHeading}</th>
                <th scope="col">{valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  )
}
