import { useQueries } from '@tanstack/react-query'
import { Alert } from 'antd'
import type { LinkingPageList } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'

type LinkingPage = LinkingPageList['items'][number]
/** At most this many articles are asked about at once (a bulk selection can be long). */
const MAX_ASKED = 20

/**
 * The published pages that link to the articles, shown before they are deleted or withdrawn, so
 * whoever confirms knows which links will break (GET /api/articles/:id/linked-from).
 */
export function LinkedFromList({ articleIds }: { readonly articleIds: readonly number[] }) {
  const { t } = useI18n()
  const ids = articleIds.slice(0, MAX_ASKED)
  const answers = useQueries({
    queries: ids.map((id) => ({ queryKey: [`/api/articles/${id}/linked-from`] })),
  })
  let pages: readonly LinkingPage[] | null = null
  if (!answers.some((answer) => answer.isPending)) {
    const unique = new Map<string, LinkingPage>()
    // A failed question shows no pages rather than blocking the confirmation.
    for (const answer of answers)
      for (const page of (answer.data as LinkingPageList | undefined)?.items ?? [])
        unique.set(page.path, page)
    // A page about one of the articles going is no page left behind.
    const going = new Set(ids)
    pages = [...unique.values()].filter((page) => page.articleId === null || !going.has(page.articleId))
  }
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
