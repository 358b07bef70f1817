import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { SubmissionSources as Sources, SubmissionSourceChoices } from '../api-types.gen.ts'
import { useColumnTree } from '../columns/use-column-tree.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { ColumnNode, Site } from '../types.ts'

function flatten(nodes: readonly ColumnNode[], depth = 0): { value: number; label: string }[] {
  return nodes.flatMap((node) => [
    { value: node.id, label: `${'　'.repeat(depth)}${node.name}` },
    ...flatten(node.children, depth + 1),
  ])
}

/** 报送设置: per column, the sites (units) that may submit to it. Site administrators only. */
export function SubmissionSources({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const { columns } = useColumnTree(site.id)
  const client = useQueryClient()
  const [columnId, setColumnId] = useState<number | null>(null)
  /** The sites picked but not yet saved; null while the saved ones are shown. */
  const [picked, setPicked] = useState<number[] | null>(null)
  const [saveError, setError] = useState<unknown>(null)
  const choices = useQuery<SubmissionSourceChoices>({
    queryKey: [`/api/columns/${columnId}/submission-source-choices`],
    enabled: columnId !== null,
  })
  const sourcesKey = [`/api/columns/${columnId}/submission-sources`]
  const saved = useQuery<Sources>({ queryKey: sourcesKey, enabled: columnId !== null })
  const siteIds = picked ?? saved.data?.siteIds ?? []
  const error = saveError ?? choices.error ?? saved.error

  async function save() {
    if (columnId === null) return
    try {
      const answer = await api<Sources>('PUT', `/api/columns/${columnId}/submission-sources`, { siteIds })
      client.setQueryData(sourcesKey, answer)
      setPicked(null)
      setError(null)
      message.success(t('sub.saved'))
    } catch (caught) {
      setError(caught)
    }
  }

  return (
    <section aria-label={t('sub.sources')}>
      <Typography.Paragraph>{t('sub.sourcesHelp')}</Typography.Paragraph>
      <Space direction="vertical" style={{ width: '100%', maxWidth: 560 }}>
        <label htmlFor="sources-column">{t('sub.sourcesColumn')}</label>
        <Select
          id="sources-column"
          className="sources-column"
          value={columnId ?? undefined}
          options={flatten(columns)}
          onChange={(value: number) => {
            setColumnId(value)
            setPicked(null)
          }}
          showSearch
          optionFilterProp="label"
        />
        <label htmlFor="sources-sites">{t('sub.sourcesSites')}</label>
        <Select
          id="sources-sites"
          className="sources-sites"
          mode="multiple"
          disabled={columnId === null}
          value={siteIds}
          options={(choices.data ?? []).map((choice) => ({ value: choice.id, label: choice.name }))}
          onChange={(value: number[]) => setPicked(value)}
          optionFilterProp="label"
        />
        <Button type="primary" disabled={columnId === null} onClick={save}>
          {t('sub.save')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
    </section>
  )
}
