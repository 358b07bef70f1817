import { Button, Result } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'

export interface ArticleEditorProps {
  readonly site: Site
  /** null: a new article. */
  readonly articleId: number | null
  /** The column chosen in the tree, the new article's home column. */
  readonly columnId: number | null
  readonly session: SessionView
  onClose(): void
}

/** The article editor: being built (issue 5). */
export function ArticleEditor({ onClose }: ArticleEditorProps) {
  const { t } = useI18n()
  return (
    <Result status="info" title={t('comingSoon')} extra={<Button onClick={onClose}>{t('back')}</Button>} />
  )
}
