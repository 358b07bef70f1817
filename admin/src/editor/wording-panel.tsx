import { Alert } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { api } from '../api.ts'
import type { WordingHit as GeneratedWordingHit, WordingCheck } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { EditorValues } from './editor-values.ts'
import type { MarkedWord } from './wording-highlight.ts'

/** A listed word found in the draft; what the editor marks of it is a MarkedWord. */
export type WordingHit = GeneratedWordingHit & MarkedWord

/** What a save answers besides the article: the hits of what it saved, as warnings. */
export interface WithWordingHits {
  readonly wordingHits?: readonly WordingHit[]
}

/**
 * Checks the form's values against the site's wording lists (nothing is saved); `show` puts up
 * the hits a save answered with, so they are marked after every save, not only on request.
 */
export function useWordingCheck(siteId: number, current: () => EditorValues) {
  const [hits, setHits] = useState<readonly WordingHit[] | null>(null)
  const check = useCallback(async () => {
    const values = current()
    const answer = await api<WordingCheck>('POST', `/api/sites/${siteId}/words/check`, {
      title: values.title,
      subtitle: values.subtitle,
      summary: values.summary,
      bodyHtml: values.bodyHtml,
      attachments: values.attachments,
    })
    setHits(answer.hits)
  }, [siteId, current])
  const bodyHits = useMemo(() => (hits ?? []).filter((hit) => hit.field === 'body'), [hits])
  const show = useCallback((saved: readonly WordingHit[] | undefined) => {
    if (saved) setHits(saved)
  }, [])
  return { hits, bodyHits, check, show }
}

/** The hits of the last check, each with its field and the suggested wording. */
export function WordingPanel({ hits }: { hits: readonly WordingHit[] | null }) {
  const { t } = useI18n()
  if (hits === null) return null
  if (hits.length === 0)
    return <Alert className="editor-alert" type="success" showIcon title={t('editor.wordingClean')} />
  const isBlocking = hits.some((hit) => hit.level === 'block')
  return (
    <Alert
      className="editor-alert wording-panel"
      type={isBlocking ? 'error' : 'warning'}
      showIcon
      title={t(isBlocking ? 'editor.wordingBlocked' : 'editor.wordingWarned', { count: hits.length })}
      description={
        <ul className="wording-hits">
          {hits.map((hit) => (
            <li key={`${hit.field}:${hit.found}:${hit.word}`}>
              <mark className={hit.level === 'block' ? 'wording-hit is-blocking' : 'wording-hit'}>
                {hit.found}
              </mark>
              {hit.suggestion ? ` → ${hit.suggestion}` : ''}
              <span className="muted">
                {' '}
                ({t(`editor.wordingField.${hit.field.split('.')[0]}` as MessageKey)}
                {hit.level === 'block' ? `, ${t('editor.wordingBlock')}` : `, ${t('editor.wordingWarn')}`})
              </span>
            </li>
          ))}
        </ul>
      }
    />
  )
}
