import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Spin } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import { useConfirm } from '../sections/use-confirm.tsx'
import '../sections/sections.css'
import { TemplateEditorCard } from '../templates/template-editor-card.tsx'
import { TemplateList } from '../templates/template-list.tsx'
import type { TemplateItem } from '../templates/template-types.ts'
import '../templates/templates.css'
import type { SessionView, Site } from '../types.ts'

export interface TemplatesProps {
  readonly site: Site
  readonly session: SessionView
}

/** 模板: the site's templates, each to read, preview and (site administrators) change (issue 5). */
export function Templates({ site, session }: TemplatesProps) {
  const { t } = useI18n()
  const confirm = useConfirm()
  const client = useQueryClient()
  const listKey = [`/api/sites/${site.id}/templates`]
  const answer = useQuery<{ items: TemplateItem[] }>({ queryKey: listKey })
  const items = answer.data?.items ?? null
  const error = answer.error
  const [selected, setSelected] = useState<string | null>(null)
  const isDirty = useRef(false)

  useEffect(() => {
    if (items) setSelected((current) => current ?? items[0]?.name ?? null)
  }, [items])

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the site's path
  const onChanged = useCallback(() => void client.invalidateQueries({ queryKey: listKey }), [client, site.id])
  const onDirtyChange = useCallback((next: boolean) => {
    isDirty.current = next
  }, [])

  function select(name: string) {
    if (name === selected) return
    if (!isDirty.current || !selected) return setSelected(name)
    confirm({
      title: t('templateDiscardTitle', { name: selected }),
      okText: t('templateDiscard'),
      onOk: async () => setSelected(name),
    })
  }

  return (
    <PlainButtons>
      <section aria-labelledby="templates-title" className="section-page">
        <h2 id="templates-title" className="section-title">
          {t('templatesOf', { site: site.name })}
        </h2>
        <ErrorAlert error={error} />
        {items === null ? (
          error ? null : (
            <Spin />
          )
        ) : (
          <div className="templates-layout">
            <TemplateList site={site} items={items} selected={selected} onSelect={select} />
            <div>
              {selected ? (
                <TemplateEditorCard
                  key={`${site.id}:${selected}`}
                  site={site}
                  session={session}
                  name={selected}
                  canSave={site.allowedActions.includes('manageTemplates')}
                  onChanged={onChanged}
                  onDirtyChange={onDirtyChange}
                />
              ) : null}
            </div>
          </div>
        )}
      </section>
    </PlainButtons>
  )
}
