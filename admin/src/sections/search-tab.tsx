import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Input, Select, Space, Table } from 'antd'
import { useEffect, useId, useState } from 'react'
import { api } from '../api.ts'
import type { SearchTop, SynonymGroups } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert, useErrorText } from './error-alert.tsx'

export interface SearchTabProps {
  readonly sites: readonly Site[]
  /** Whether the user may change the site's synonyms (site administrators). */
  readonly canEdit: boolean
}

/**
 * A site's search: its synonym groups, one a line (社保 社会保险), and what visitors searched
 * for in the last 30 days, found or not (docs/search.md).
 */
export function SearchTab({ sites, canEdit }: SearchTabProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const [chosenSiteId, setSiteId] = useState<number>()
  const siteId = chosenSiteId ?? sites[0]?.id
  const [synonyms, setSynonyms] = useState('')
  const client = useQueryClient()
  const counts = useQuery<SearchTop>({
    queryKey: [`/api/sites/${siteId}/search/top`],
    enabled: siteId !== undefined,
  })
  const stored = useQuery<SynonymGroups>({
    queryKey: [`/api/sites/${siteId}/search/synonyms`],
    enabled: siteId !== undefined,
  })
  const top = counts.data ?? null
  const error = counts.error ?? stored.error
  const [isSaving, setSaving] = useState(false)
  const siteLabelId = useId()
  const synonymsId = useId()

  // The text area starts from the stored groups, one a line, and is the user's from then on.
  useEffect(() => {
    if (stored.data) setSynonyms(stored.data.groups.map((group) => group.join(' ')).join('\n'))
  }, [stored.data])

  async function save() {
    setSaving(true)
    try {
      const groups = synonyms
        .split('\n')
        .map((line) => line.split(/[\s,，、]+/).filter(Boolean))
        .filter((words) => words.length > 0)
      const saved = await api<SynonymGroups>('PUT', `/api/sites/${siteId}/search/synonyms`, {
        groups,
      })
      client.setQueryData([`/api/sites/${siteId}/search/synonyms`], saved)
      message.success(t('synonymsSaved'))
    } catch (caught) {
      message.error(errorText(caught))
    } finally {
      setSaving(false)
    }
  }

  const columns = [
    { title: t('searchQuery'), dataIndex: 'query', key: 'query' },
    { title: t('searchCount'), dataIndex: 'searches', key: 'searches', width: 100 },
    { title: t('searchHits'), dataIndex: 'hits', key: 'hits', width: 100 },
  ]
  return (
    <section aria-label={t('tabSearch')}>
      <Space wrap className="tab-toolbar">
        <span id={siteLabelId}>{t('site')}</span>
        <Select<number>
          aria-labelledby={siteLabelId}
          className="form-wide"
          value={siteId}
          onChange={setSiteId}
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
        />
      </Space>
      <ErrorAlert error={error} />
      <h3>
        <label htmlFor={synonymsId}>{t('synonyms')}</label>
      </h3>
      <p className="section-hint">{t('synonymsHelp')}</p>
      <Input.TextArea
        id={synonymsId}
        rows={6}
        value={synonyms}
        readOnly={!canEdit}
        onChange={(event) => setSynonyms(event.target.value)}
        placeholder="社保 社会保险"
      />
      {canEdit && (
        <Button type="primary" className="section-action" loading={isSaving} onClick={save}>
          {t('save')}
        </Button>
      )}
      <h3>{t('popularSearches')}</h3>
      <Table<SearchTop['popular'][number]>
        size="small"
        rowKey="query"
        pagination={false}
        columns={columns}
        dataSource={top?.popular ?? []}
      />
      <h3>{t('fruitlessSearches')}</h3>
      <Table<SearchTop['popular'][number]>
        size="small"
        rowKey="query"
        pagination={false}
        columns={columns}
        dataSource={top?.foundNothing ?? []}
      />
    </section>
  )
}
