import { DatePicker, Input, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { ArticleStatus } from '../types.ts'
import './columns.css'

export const STATUSES: readonly ArticleStatus[] = [
  'draft',
  'submitted',
  'rejected',
  'scheduled',
  'published',
  'withdrawn',
]

/** What the article list is narrowed to; dates are days (YYYY-MM-DD) of the publish or creation time. */
export interface ArticleFilter {
  readonly status?: ArticleStatus
  readonly text?: string
  readonly createdBy?: string
  readonly from?: string
  readonly to?: string
}

export interface ArticleFiltersProps {
  readonly value: ArticleFilter
  onChange(next: ArticleFilter): void
}

const day = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD')

/** The article list's filters: title words, status, creator and a date range; empty ones are left out. */
export function ArticleFilters({ value, onChange }: ArticleFiltersProps) {
  const { t } = useI18n()
  const set = (change: ArticleFilter) => {
    const next: Record<string, unknown> = { ...value, ...change }
    for (const key of Object.keys(next)) if (!next[key]) delete next[key]
    onChange(next)
  }
  return (
    <>
      <Input.Search
        aria-label={t('search')}
        className="text-filter"
        placeholder={t('search')}
        allowClear
        // Filled from the URL; remade when Back or a link brings another value.
        key={`text:${value.text ?? ''}`}
        defaultValue={value.text}
        onSearch={(text) => set({ text: text.trim() || undefined })}
      />
      <Select
        aria-label={t('status')}
        className="status-filter"
        allowClear
        placeholder={t('anyStatus')}
        value={value.status}
        onChange={(status?: ArticleStatus) => set({ status })}
        options={STATUSES.map((status) => ({ value: status, label: t(`status.${status}` as MessageKey) }))}
      />
      <Input.Search
        aria-label={t('list.createdBy')}
        className="creator-filter"
        placeholder={t('list.createdByPlaceholder')}
        allowClear
        key={`creator:${value.createdBy ?? ''}`}
        defaultValue={value.createdBy}
        onSearch={(createdBy) => set({ createdBy: createdBy.trim() || undefined })}
      />
      <label htmlFor="list-from" className="visually-hidden">
        {t('list.from')}
      </label>
      <label htmlFor="list-to" className="visually-hidden">
        {t('list.to')}
      </label>
      <DatePicker.RangePicker
        id={{ start: 'list-from', end: 'list-to' }}
        className="date-range"
        placeholder={[t('list.from'), t('list.to')]}
        allowEmpty={[true, true]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) => set({ from: day(range?.[0]), to: day(range?.[1]) })}
      />
    </>
  )
}
