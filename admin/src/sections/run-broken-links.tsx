import { useQuery } from '@tanstack/react-query'
import { Alert, Table } from 'antd'
import type { BrokenLinkList } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'

type BrokenLink = BrokenLinkList['items'][number]

/**
 * The internal links and images a publish run found leading nowhere, each with its page, its
 * article and the editor to tell (GET /api/publish-runs/:id/broken-links).
 */
export function RunBrokenLinks({ runId }: { readonly runId: number }) {
  const { t } = useI18n()
  const found = useQuery<BrokenLinkList>({ queryKey: [`/api/publish-runs/${runId}/broken-links`] })
  // A run whose links cannot be read shows none rather than an error under the run.
  const links = found.isPending ? null : (found.data?.items ?? [])
  if (links === null) return null
  if (links.length === 0)
    return <Alert className="run-broken-links" type="success" showIcon title={t('editor.brokenLinksNone')} />
  return (
    <section className="run-broken-links">
      <Alert type="warning" showIcon title={t('editor.brokenLinksOfRun', { n: links.length })} />
      <Table<BrokenLink>
        size="small"
        rowKey={(link) => `${link.path} ${link.element} ${link.href}`}
        pagination={links.length > 20 ? { pageSize: 20 } : false}
        dataSource={[...links]}
        columns={[
          {
            title: t('editor.brokenLinkPage'),
            key: 'page',
            render: (_value, link) =>
              link.title ? `${link.title} (${link.path})` : <code>{link.path}</code>,
          },
          {
            title: t('editor.brokenLinkHref'),
            key: 'href',
            render: (_value, link) => (
              <code>
                {link.element === 'img' ? '<img> ' : ''}
                {link.href}
              </code>
            ),
          },
          { title: t('editor.brokenLinkEditor'), dataIndex: 'editor', render: (editor) => editor ?? '—' },
        ]}
      />
    </section>
  )
}
