import { App, Button, Input, Select, Space, Table } from 'antd'
import { useEffect, useId, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Site } from '../types.ts'
import { ErrorAlert, useErrorText } from './error-alert.tsx'

interface QueryCount {
  readonly query: string
  readonly searches: number
  readonly hits: number
}

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
  const [top, setTop] = useState<{ popular: QueryCount[]; foundNothing: QueryCount[] } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)
  const siteLabelId = useId()
  const synonymsId = useId()

  useEffect(() => {
    if (siteId === undefined) return
    Promise.all([
      api<{ groups: string[][] }>('GET', `/api/sites/${siteId}/search/synonyms`),
      api<{ popular: QueryCount[]; foundNothing: QueryCount[] }>('GET', `/api/sites/${siteId}/search/top`),
    ])
      .then(([loaded, counts]) => {
        setSynonyms(loaded.groups.map((group) => group.join(' ')).join('\n'))
        setTop(counts)
        setError(null)
      })
      .catch(setError)
  }, [siteId])

  async function save() {
    setSaving(true)
    try {
      const groups = synonyms
        .split('\n')
        .map((line) => line.split(/[\s,，、]+/).filter(Boolean))
        .filter((words) => words.length > 0)
      const saved = await api<{ groups: string[][] }>('PUT', `/api/sites/${siteId}/search/synonyms`, {
        groups,
      })
      setSynonyms(saved.groups.map((group) => group.join(' ')).join('\n'))
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
      <Table<QueryCount>
        size="small"
        rowKey="query"
        pagination={false}
        columns={columns}
        dataSource={top?.popular ?? []}
      />
      <h3>{t('fruitlessSearches')}</h3>
      <Table<QueryCount>
        size="small"
        rowKey="query"
        pagination={false}
        columns={columns}
        dataSource={top?.foundNothing ?? []}
      />
    </section>
  )
}
