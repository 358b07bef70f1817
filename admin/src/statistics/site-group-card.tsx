import { useQuery } from '@tanstack/react-query'
import { Card, Space, Table, Typography } from 'antd'
import type { SiteGroupReport } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { StatisticsChart } from './statistics-chart.tsx'

type SiteRow = SiteGroupReport['sites'][number]

/**
 * 站群统计, for the installation's administrators: the period chosen above, counted for every
 * site (unit) in the installation's zone, as a chart, a table per day or month, and files.
 */
export function SiteGroupCard({ asked }: { readonly asked: string }) {
  const { t } = useI18n()
  const answer = useQuery<SiteGroupReport>({
    queryKey: ['/api/statistics/sites', Object.fromEntries(new URLSearchParams(asked))],
  })
  const report = answer.data
  return (
    <Card
      title={t('statisticsGroup')}
      className="statistics-group"
      extra={
        <Space>
          <Typography.Link href={`/api/statistics/sites/export/xlsx?${asked}`} download>
            {t('statisticsExportXlsx')}
          </Typography.Link>
          <Typography.Link href={`/api/statistics/sites/export/csv?${asked}`} download>
            {t('statisticsExportCsv')}
          </Typography.Link>
        </Space>
      }
    >
      <ErrorAlert error={answer.error} />
      {report && (
        <>
          <p className="dashboard-note">
            {t('statisticsGroupNote', {
              from: report.period.fromDay,
              to: report.period.toDay,
              zone: report.timeZone,
              total: report.published,
            })}
          </p>
          <StatisticsChart
            title={t('statisticsGroupChart')}
            labelHeading={t('statisticsSite')}
            valueHeading={t('statisticsPublished')}
            rows={report.sites.map((site) => ({ label: site.name, value: site.published }))}
            shape="bars"
          />
          <Table<SiteRow>
            size="small"
            rowKey="siteId"
            aria-label={t('statisticsGroup')}
            dataSource={[...report.sites]}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('statisticsSite'), dataIndex: 'name', fixed: 'left', width: 200 },
              { title: t('statisticsPublished'), dataIndex: 'published', width: 80 },
              ...report.buckets.map((bucket, index) => ({
                title: bucket,
                key: bucket,
                render: (_: unknown, site: SiteRow) => site.byBucket[index] ?? 0,
              })),
            ]}
          />
        </>
      )}
    </Card>
  )
}
