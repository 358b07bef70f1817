import { Button, Card, Tag } from 'antd'
import type { ReactNode } from 'react'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { ArticleStatus } from '../types.ts'
import type { DashboardArticle } from './dashboard-types.ts'

// The same colours as the article list.
const STATUS_COLOURS: Record<ArticleStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  rejected: 'error',
  scheduled: 'purple',
  published: 'success',
  withdrawn: 'warning',
}

export interface ArticleCardProps {
  readonly id: string
  readonly title: string
  readonly articles: readonly DashboardArticle[]
  /** Said instead of an empty list. */
  readonly empty: string
  /** What else a row says: the level it waits for, the reviewer's comment, the time. */
  readonly note: (article: DashboardArticle) => ReactNode
  readonly onOpenArticle?: ((id: number) => void) | undefined
}

/** A card of articles that ask something of the user, each with its status and a way to open it. */
export function ArticleCard({ id, title, articles, empty, note, onOpenArticle }: ArticleCardProps) {
  const { t } = useI18n()
  return (
    <Card
      className="section-card dashboard-card"
      title={
        <h3 id={id} className="card-title">
          {title}
        </h3>
      }
    >
      {articles.length === 0 ? (
        <p className="dashboard-empty">{empty}</p>
      ) : (
        <ul className="dashboard-list" aria-labelledby={id}>
          {articles.map((article) => (
            <li key={article.id} className="dashboard-item">
              <div className="dashboard-item-main">
                <span className="dashboard-item-title">{article.title}</span>
                <Tag color={STATUS_COLOURS[article.status]}>
                  {t(`status.${article.status}` as MessageKey)}
                </Tag>
                <div className="dashboard-note">{note(article)}</div>
              </div>
              {onOpenArticle ? (
                <Button
                  size="small"
                  aria-label={t('openArticleNamed', { title: article.title })}
                  onClick={() => onOpenArticle(article.id)}
                >
                  {t('openArticle')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}
