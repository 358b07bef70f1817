import { Tag } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { ArticleStatus } from '../types.ts'
import type { FullArticle } from './types.ts'
import { formatZonedMinute } from './zoned-minute.ts'

// The same colours as the article list.
const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

/** The article's status, where it stands in review, and what is scheduled for it. */
export function StatusLine({
  article,
  reviewLevels,
  zone,
}: {
  article: FullArticle
  reviewLevels: number
  zone: string
}) {
  const { t } = useI18n()
  const level = Math.min(article.reviewStage + 1, 3)
  let note: string | null = null
  if (article.status === 'submitted')
    note = t('editor.waitingFor', { level: t(`editor.level.${level}` as MessageKey), total: reviewLevels })
  else if (article.status === 'scheduled' && article.publishAt)
    note = t('editor.scheduledFor', { time: formatZonedMinute(article.publishAt, zone) })
  else if (article.status === 'published' && article.unpublishAt)
    note = t('editor.withdrawsAt', { time: formatZonedMinute(article.unpublishAt, zone) })
  return (
    <span className="status-line">
      <Tag color={STATUS_COLOURS[article.status]}>{t(`status.${article.status}` as MessageKey)}</Tag>
      {note ? <span>{note}</span> : null}
      <span className="muted">{t('editor.revisionN', { n: article.revision })}</span>
    </span>
  )
}
