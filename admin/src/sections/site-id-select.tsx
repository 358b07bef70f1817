import { Select } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'

export interface SiteIdSelectProps {
  readonly sites: readonly Site[]
  readonly id?: string
  readonly value?: number
  onChange?(value: number): void
}

interface SiteOption {
  readonly value: number
  readonly label: string
  readonly searchText: string
}

/**
 * Chooses a site by name, or by typing its number (for a site the list does not hold).
 */
export function SiteIdSelect({ sites, id, value, onChange }: SiteIdSelectProps) {
  const { t } = useI18n()
  const [search, setSearch] = useState('')
  const options: SiteOption[] = sites.map((site) => ({
    value: site.id,
    label: site.name,
    searchText: `${site.name} ${site.slug} ${site.id}`,
  }))
  const byNumber = (number: number) => ({
    value: number,
    label: t('siteNumber', { id: number }),
    searchText: String(number),
  })
  const typed = /^\d{1,9}$/.test(search.trim()) ? Number(search.trim()) : 0
  if (typed > 0 && !options.some((option) => option.value === typed)) options.push(byNumber(typed))
  if (value !== undefined && !options.some((option) => option.value === value)) options.push(byNumber(value))
  return (
    <Select<number, SiteOption>
      {...(id ? { id } : {})}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      showSearch={{ optionFilterProp: 'searchText', onSearch: setSearch }}
      placeholder={sites.length > 0 ? t('chooseSite') : t('typeSiteNumber')}
      notFoundContent={t('typeSiteNumber')}
    />
  )
}
