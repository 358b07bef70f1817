import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Input, Segmented, Select, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import type { GetApiSitesSiteStatisticsQuery, StatisticsReport } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { Site } from '../types.ts'
import { AnnualReportCard } from './annual-report-card.tsx'
import { StatisticsChart } from './statistics-chart.tsx'
import '../dashboard/dashboard.css'
import './statistics.css'

type PeriodPreset = NonNullable<GetApiSitesSiteStatisticsQuery['preset']>
type PeriodBucket = StatisticsReport['period']['bucket']

const PRESETS: readonly PeriodPreset[] = ['this-month', 'last-month', 'this-year', 'last-year']

type Choice = PeriodPreset | 'custom'

/** What is asked of the server: a preset, or from and to, and the bucket if chosen. */
function periodQuery(
  choice: Choice,
  from: string,
  to: string,
  bucket: PeriodBucket | 'auto',
): Record<string, string> {
  const query: Record<string, string> = choice === 'custom' ? { from, to } : { preset: choice }
  if (bucket !== 'auto') query.bucket = bucket
  return query
}

/**
 * 统计 (issue 17 item 8): a site's articles and views for a period, the annual-report
 * figures, charts with their tables, and the tables as Excel or CSV. Loaded lazily: ECharts
 * is only fetched when the screen opens.
 */
export default function StatisticsScreen({ site }: { site: Site }) {
  const { t } = useI18n()
  const [choice, setChoice] = useState<Choice>('this-month')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [bucket, setBucket] = useState<PeriodBucket | 'auto'>('auto')
  const [asked, setAsked] = useState(() => periodQuery('this-month', '', '', 'auto'))
  // The last report stays on screen while another period is read.
  const answer = useQuery<StatisticsReport>({
    queryKey: [`/api/sites/${site.id}/statistics`, asked],
    placeholderData: keepPreviousData,
  })
  const report = answer.data ?? null
  const error = answer.error
  const isLoading = answer.isFetching
  const exportQuery = new URLSearchParams(asked)

  const ask = (next: Choice) => {
    setChoice(next)
    if (next !== 'custom') setAsked(periodQuery(next, from, to, bucket))
  }
  const per = report ? t(`statisticsBucket.${report.period.bucket}`) : ''

  return (
    <section aria-labelledby="statistics-title" aria-busy={isLoading} className="section-page">
      <Space className="tab-toolbar" align="center" wrap>
        <h2 id="statistics-title" className="section-title">
          {t('statisticsOf', { site: site.name })}
        </h2>
        {report && (
          <>
            <Typography.Link href={`/api/sites/${site.id}/statistics/export/xlsx?${exportQuery}`} download>
              {t('statisticsExportXlsx')}
            </Typography.Link>
            <Typography.Link href={`/api/sites/${site.id}/statistics/export/csv?${exportQuery}`} download>
              {t('statisticsExportCsv')}
            </Typography.Link>
          </>
        )}
      </Space>
      <fieldset className="statistics-period">
        <legend className="visually-hidden">{t('statisticsPeriod')}</legend>
        <Segmented<Choice>
          aria-label={t('statisticsPreset')}
          value={choice}
          onChange={ask}
          options={[
            ...PRESETS.map((preset) => ({ value: preset, label: t(`statisticsPreset.${preset}`) })),
            { value: 'custom' as const, label: t('statisticsCustom') },
          ]}
        />
        {choice === 'custom' && (
          <>
            <div className="statistics-field">
              <label htmlFor="statistics-from">{t('statisticsFrom')}</label>
              <Input
                id="statistics-from"
                type="date"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
              />
            </div>
            <div className="statistics-field">
              <label htmlFor="statistics-to">{t('statisticsTo')}</label>
              <Input
                id="statistics-to"
                type="date"
                value={to}
                onChange={(event) => setTo(event.target.value)}
              />
            </div>
          </>
        )}
        <div className="statistics-field">
          <label htmlFor="statistics-bucket">{t('statisticsBucket')}</label>
          <Select<PeriodBucket | 'auto'>
            id="statistics-bucket"
            value={bucket}
            style={{ width: 96 }}
            onChange={(next) => {
              setBucket(next)
              if (choice !== 'custom') setAsked(periodQuery(choice, from, to, next))
            }}
            options={[
              { value: 'auto', label: t('statisticsBucket.auto') },
              { value: 'day', label: t('statisticsBucket.day') },
              { value: 'month', label: t('statisticsBucket.month') },
            ]}
          />
        </div>
        {choice === 'custom' && (
          <Button
            type="primary"
            disabled={!from || !to}
            onClick={() => setAsked(periodQuery(choice, from, to, bucket))}
          >
            {t('statisticsApply')}
          </Button>
        )}
      </fieldset>
      <ErrorAlert error={error} />
      {report === null ? (
        isLoading ? (
          <Spin />
        ) : null
      ) : (
        <>
          <p className="dashboard-note" data-testid="statistics-period">
            {t('statisticsShowing', {
              from: report.period.fromDay,
              to: report.period.toDay,
              zone: report.site.timeZone,
            })}
          </p>
          <div className="statistics-grid">
            <AnnualReportCard annual={report.annual} />
            <StatisticsChart
              title={t('statisticsPublishedPerBucket', { bucket: per })}
              labelHeading={t('statisticsPeriodColumn')}
              valueHeading={t('statisticsPublished')}
              rows={report.published.byBucket.map((row) => ({ label: row.bucket, value: row.count }))}
              shape="line"
            />
            <StatisticsChart
              title={t('statisticsViewsPerBucket', { bucket: per })}
              labelHeading={t('statisticsPeriodColumn')}
              valueHeading={t('statisticsViews')}
              rows={report.views.byBucket.map((row) => ({ label: row.bucket, value: row.views }))}
              shape="line"
            />
            <StatisticsChart
              title={t('statisticsPublishedPerColumn')}
              labelHeading={t('statisticsColumn')}
              valueHeading={t('statisticsPublished')}
              rows={report.published.byColumn.map((row) => ({ label: row.column, value: row.count }))}
              shape="bars"
            />
            <StatisticsChart
              title={t('statisticsViewsPerColumn')}
              labelHeading={t('statisticsColumn')}
              valueHeading={t('statisticsViews')}
              rows={report.views.byColumn.map((row) => ({ label: row.column, value: row.views }))}
              shape="bars"
            />
            <StatisticsChart
              title={t('statisticsPublishedPerEditor')}
              labelHeading={t('statisticsEditor')}
              valueHeading={t('statisticsPublished')}
              rows={report.published.byEditor.map((row) => ({ label: row.editor, value: row.count }))}
              shape="bars"
            />
            {/* 信息报送 采用: filled once the submissions feature reports it (null until then). */}
            {report.adoptions && (
              <StatisticsChart
                title={t('statisticsAdoptions')}
                labelHeading={t('statisticsUnit')}
                valueHeading={t('statisticsAdopted')}
                rows={report.adoptions.map((row) => ({ label: row.unit, value: row.adopted }))}
                shape="bars"
              />
            )}
          </div>
        </>
      )}
    </section>
  )
}
