import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from './error-alert.tsx'
import { FailedPages } from './failed-pages.tsx'
import type { PublishRunDetail } from './publish-types.ts'
import { RunBrokenLinks } from './run-broken-links.tsx'

/** A full publish lists every page of the site: the first few hundred of a kind are enough to read. */
const SHOWN = 200

function PathGroup({ title, paths }: { title: string; paths: readonly string[] }) {
  const { t } = useI18n()
  return (
    <section className="manifest-group">
      <h4 className="manifest-title">
        {title} ({paths.length})
      </h4>
      {paths.length === 0 ? (
        <Typography.Text type="secondary">{t('none')}</Typography.Text>
      ) : (
        <ul className="path-list">
          {paths.slice(0, SHOWN).map((path) => (
            <li key={path}>
              <code>{path}</code>
            </li>
          ))}
          {paths.length > SHOWN && <li>{t('andMore', { n: paths.length - SHOWN })}</li>}
        </ul>
      )}
    </section>
  )
}

/** One run's manifest, loaded when its row is opened. */
export function RunManifest({ runId }: { runId: number }) {
  const { t } = useI18n()
  // A run's manifest never changes once written: read once, kept while the admin is open.
  const { data: run, error } = useQuery<PublishRunDetail>({
    queryKey: [`/api/publish-runs/${runId}`],
    staleTime: Number.POSITIVE_INFINITY,
  })

  if (error) return <ErrorAlert error={error} />
  if (!run) return <Typography.Text>{t('loading')}</Typography.Text>
  const { manifest } = run
  return (
    <div className="run-manifest">
      <RunBrokenLinks runId={runId} />
      <PathGroup title={t('manifestAdded')} paths={manifest.added} />
      <PathGroup title={t('manifestChanged')} paths={manifest.changed} />
      <PathGroup title={t('manifestRemoved')} paths={manifest.removed} />
      <FailedPages pages={manifest.failed} />
    </div>
  )
}
