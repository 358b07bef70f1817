import { useRef } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { useConsole } from '../console-context.ts'
import { articlePath, sectionPath } from '../screen-paths.ts'
import { ArticleEditor } from './article-editor.tsx'
import { ArticleList } from './article-list.tsx'

/** Where the editor was opened from (the list with its filters), kept in the history entry. */
interface FromList {
  readonly from?: string
}

/** `/sites/:siteId/articles?column=&status=&page=…`: the list, its filters and page in the URL. */
export function ArticleListRoute() {
  const { site, columnId, columns } = useConsole()
  const navigate = useNavigate()
  const location = useLocation()
  if (!site) return null
  return (
    <ArticleList
      key={site.id}
      site={site}
      columnId={columnId}
      columns={columns}
      onOpen={(id) => {
        // The column stays chosen in the tree (and is a new article's home column).
        const query = columnId !== null ? `?column=${columnId}` : ''
        navigate(articlePath(site.id, id) + query, {
          state: { from: location.pathname + location.search } satisfies FromList,
        })
      }}
    />
  )
}

/** `/sites/:siteId/articles/:articleId` (`new` for a new one in `?column=`): the editor. */
export function ArticleEditorRoute() {
  const { site, columnId, session } = useConsole()
  const { articleId = 'new' } = useParams()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as FromList | null)?.from
  // A new article saved gets its own URL without remaking the editor that is open on it.
  const createdId = useRef<number | null>(null)
  if (!site) return null
  const id = /^\d+$/.test(articleId) ? Number(articleId) : null
  const key = id === null || id === createdId.current ? 'new' : articleId
  return (
    <ArticleEditor
      key={`${site.id}:${key}`}
      site={site}
      articleId={id}
      columnId={columnId}
      session={session}
      // Opened from the list, the entry before is that list: going back to it keeps Forward working.
      onClose={() =>
        from
          ? navigate(-1)
          : navigate(sectionPath('articles', site.id) + (columnId === null ? '' : `?column=${columnId}`))
      }
      onCreated={(created) => {
        createdId.current = created
        navigate(articlePath(site.id, created) + location.search, { replace: true, state: location.state })
      }}
    />
  )
}
