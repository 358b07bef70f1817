import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, InputNumber, Space, Table } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { Site } from '../types.ts'
import type { AdoptionReport } from './types.ts'

type Row = { key: string; name: string; perMonth: readonly number[]; total: number }

/** 采用统计: adoptions per unit and month of a year, exportable, as units are assessed on them. */
export function AdoptionReportView({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const [year, setYear] = useState(() =>
    Number(new Intl.DateTimeFormat('en', { timeZone: site.timeZone, year: 'numeric' }).format(new Date())),
  )
  const found = useQuery<AdoptionReport>({
    queryKey: [`/api/sites/${site.id}/adoption-report`, { year: String(year) }],
    placeholderData: keepPreviousData,
  })
  const report = found.data ?? null
  const error = found.error
  const rows: Row[] = report
    ? [
        ...report.units.map((unit) => ({
          key: String(unit.sourceSiteId),
          name: unit.sourceSiteName,
          perMonth: unit.perMonth,
          total: unit.total,
        })),
        { key: 'total', name: t('sub.total'), perMonth: report.perMonth, total: report.total },
      ]
    : []
  const exportHref = (format: 'xlsx' | 'csv') =>
    `/api/sites/${site.id}/adoption-report/export?year=${year}&format=${format}`
  return (
    <section aria-label={t('sub.report')}>
      <Space className="list-toolbar" wrap>
        <label htmlFor="adoption-year">{t('sub.year')}</label>
        <InputNumber
          id="adoption-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        <Button href={exportHref('xlsx')} download>
          {t('sub.exportXlsx')}
        </Button>
        <Button href={exportHref('csv')} download>
          {t('sub.exportCsv')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
      <Table<Row>
        className="adoption-report"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t('sub.unit'), dataIndex: 'name', key: 'name', fixed: 'left', width: 200 },
          ...Array.from({ length: 12 }, (_, index) => ({
            title: t('sub.month', { n: index + 1 }),
            key: `m${index + 1}`,
            width: 56,
            render: (_: unknown, row: Row) => row.perMonth[index] ?? 0,
          })),
          { title: t('sub.yearTotal'), dataIndex: 'total', key: 'total', width: 90 },
        ]}
      />
    </section>
  )
}
