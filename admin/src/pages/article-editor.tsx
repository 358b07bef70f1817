import { Spin } from 'antd'
import { lazy, Suspense } from 'react'
import type { SessionView, Site } from '../types.ts'

export interface ArticleEditorProps {
  readonly site: Site
  /** null: a new article. */
  readonly articleId: number | null
  /** The column chosen in the tree, the new article's home column. */
  readonly columnId: number | null
  readonly session: SessionView
  onClose(): void
  /** A new article was saved for the first time: it has an id (and a URL) now. */
  onCreated(id: number): void
}

// tiptap and the editor's dialogs load when an article is first opened, not with the sign-in page.
const ArticleEditorScreen = lazy(() =>
  import('../editor/article-editor-screen.tsx').then((module) => ({ default: module.ArticleEditorScreen })),
)

/** The article editor (issue 5): see admin/src/editor/. */
export function ArticleEditor(props: ArticleEditorProps) {
  return (
    <Suspense fallback={<Spin className="editor-loading" />}>
      <ArticleEditorScreen {...props} />
    </Suspense>
  )
}
