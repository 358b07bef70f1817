import { Segmented } from 'antd'
import { useState } from 'react'
import type { GetApiStatisticsSitesQuery } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import { SiteGroupCard } from './site-group-card.tsx'
import './statistics.css'

type PeriodPreset = NonNullable<GetApiStatisticsSitesQuery['preset']>

const PRESETS: readonly PeriodPreset[] = ['this-month', 'last-month', 'this-year', 'last-year']

/**
 * 站群统计 in 系统管理: the installation's administrators compare their units (sites) over a
 * period. Loaded lazily with its chart library, like the 统计 screen.
 */
export default function SiteGroupTab() {
  const { t } = useI18n()
  const [preset, setPreset] = useState<PeriodPreset>('this-month')
  return (
    <section aria-label={t('statisticsGroup')}>
      <Segmented<PeriodPreset>
        aria-label={t('statisticsPreset')}
        value={preset}
        onChange={setPreset}
        options={PRESETS.map((value) => ({ value, label: t(`statisticsPreset.${value}`) }))}
      />
      <SiteGroupCard asked={new URLSearchParams({ preset }).toString()} />
    </section>
  )
}
