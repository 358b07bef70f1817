import { Card } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { TopArticle } from './dashboard-types.ts'

/** The most viewed articles, most first, with their counts. */
export function TopArticlesCard({ articles }: { articles: readonly TopArticle[] }) {
  const { t } = useI18n()
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
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
