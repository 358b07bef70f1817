import { Spin } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import { managesSite } from '../sections/roles.ts'
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
  const [items, setItems] = useState<readonly TemplateItem[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [listVersion, setListVersion] = useState(0)
  const isDirty = useRef(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again after a save or restore
  useEffect(() => {
    api<{ items: TemplateItem[] }>('GET', `/api/sites/${site.id}/templates`).then(({ items }) => {
      setItems(items)
      setError(null)
      setSelected((current) => current ?? items[0]?.name ?? null)
    }, setError)
  }, [site.id, listVersion])

  const onChanged = useCallback(() => setListVersion((n) => n + 1), [])
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
                  canSave={managesSite(session, site.id)}
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
