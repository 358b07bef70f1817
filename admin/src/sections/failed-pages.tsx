import { Alert } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { FailedPage } from './publish-types.ts'

/** Pages that did not render, each with its error, which names the template and line. */
export function FailedPages({ pages }: { pages: readonly FailedPage[] }) {
  const { t } = useI18n()
  if (pages.length === 0) return null
  return (
    <Alert
      type="error"
      showIcon
      className="section-alert"
      title={t('failedPages', { n: pages.length })}
      description={
        <ul className="path-list">
          {pages.map((page) => (
            <li key={page.path}>
              <code>{page.path}</code>: {page.error}
            </li>
          ))}
        </ul>
      }
    />
  )
}
