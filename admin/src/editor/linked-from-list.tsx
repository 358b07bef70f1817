import { Alert } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'

interface LinkingPage {
  readonly path: string
  readonly url: string
  readonly kind: string
  readonly articleId: number | null
  readonly title: string | null
}

/** At most this many articles are asked about at once (a bulk selection can be long). */
const MAX_ASKED = 20

/**
 * The published pages that link to the articles, shown before they are deleted or withdrawn, so
 * whoever confirms knows which links will break (GET /api/articles/:id/linked-from).
 */
export function LinkedFromList({ articleIds }: { readonly articleIds: readonly number[] }) {
  const { t } = useI18n()
  const [pages, setPages] = useState<readonly LinkingPage[] | null>(null)
  const key = articleIds.join(',')
  useEffect(() => {
    let isCurrent = true
    const ids = key === '' ? [] : key.split(',').slice(0, MAX_ASKED)
    Promise.all(ids.map((id) => api<{ items: LinkingPage[] }>('GET', `/api/articles/${id}/linked-from`)))
      .then((answers) => {
        if (!isCurrent) return
        const unique = new Map<string, LinkingPage>()
        for (const answer of answers) for (const page of answer.items) unique.set(page.path, page)
        // A page about one of the articles going is no page left behind.
        const going = new Set(ids.map(Number))
        setPages([...unique.values()].filter((page) => page.articleId === null || !going.has(page.articleId)))
      })
      .catch(() => isCurrent && setPages([]))
    return () => {
      isCurrent = false
    }
  }, [key])
  if (pages === null) return <p className="muted">{t('editor.linkedFromChecking')}</p>
  if (pages.length === 0) return <p className="muted linked-from">{t('editor.linkedFromNone')}</p>
  return (
    <Alert
      className="linked-from"
      type="warning"
      showIcon
      title={t('editor.linkedFrom', { n: pages.length })}
      description={
        <ul className="linked-from-pages">
          {pages.map((page) => (
            <li key={page.path}>
              <a href={page.url} target="_blank" rel="noreferrer">
                {page.title ? t('editor.linkedFromArticle', { title: page.title }) : page.url}
              </a>
            </li>
          ))}
        </ul>
      }
    />
  )
}
