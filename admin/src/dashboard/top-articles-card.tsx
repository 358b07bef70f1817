import { Card } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { TopArticle } from './dashboard-types.ts'

/** The most viewed articles, most first, with their counts and a bar each to compare them. */
export function TopArticlesCard({ articles }: { articles: readonly TopArticle[] }) {
  const { t } = useI18n()
  const most = Math.max(1, ...articles.map((article) => article.views))
  return (
    <Card
      className="section-card dashboard-card"
      title={
        <h3 id="top-title" className="card-title">
          {t('topTitle')}
        </h3>
      }
    >
      {articles.length === 0 ? (
        <p className="dashboard-empty">{t('topEmpty')}</p>
      ) : (
        <ol className="top-articles" aria-labelledby="top-title">
          {articles.map((article) => (
            <li key={article.id} className="top-article">
              <span className="dashboard-item-title">{article.title}</span>
              <span className="top-views">{t('topViews', { n: article.views })}</span>
              {/* The count is in the text beside it; the bar is for the eye only. */}
              <svg className="top-bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                <rect x="0" y="0" height="6" width={(100 * article.views) / most} />
              </svg>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
