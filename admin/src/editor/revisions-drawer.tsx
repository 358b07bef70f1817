import { useQuery } from '@tanstack/react-query'
import { App, Button, Drawer, Popconfirm, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { RevisionDiffView } from './revision-diff-view.tsx'
import type { EditorColumn, FullArticle, RevisionDiff, RevisionSummary } from './types.ts'
import { formatZonedMinute } from './zoned-minute.ts'

interface RevisionsDrawerProps {
  readonly isOpen: boolean
  readonly article: FullArticle
  readonly columns: readonly EditorColumn[]
  readonly zone: string
  readonly canRestore: boolean
  /** Unsaved changes in the editor, which a restore replaces. */
  readonly isDirty: boolean
  onClose(): void
  onRestored(article: FullArticle): void
}

/** The article's revisions: any two compared side by side, an old one made the newest again. */
export function RevisionsDrawer(props: RevisionsDrawerProps) {
  const { isOpen, article, columns, zone } = props
  const { t } = useI18n()
  const { message } = App.useApp()
  // The key's third part is the revision the list was read at (no query parameter): a save or
  // a restore makes a new revision, so the list is read again while the drawer is open.
  const found = useQuery<{ items: RevisionSummary[] }>({
    queryKey: [`/api/articles/${article.id}/revisions`, undefined, article.revision],
    enabled: isOpen,
  })
  const items = found.data?.items ?? []
  /** The two revisions picked to compare; until then the newest two. */
  const [picked, setPair] = useState<{ from?: number; to?: number } | null>(null)
  /** The pair the user asked to compare; the comparison is read for it. */
  const [compared, setCompared] = useState<{ from: number; to: number } | null>(null)
  const diffAnswer = useQuery<RevisionDiff>({
    queryKey: [
      `/api/articles/${article.id}/diff`,
      { from: String(compared?.from), to: String(compared?.to) },
    ],
    enabled: compared !== null,
  })
  const diff = compared === null ? null : (diffAnswer.data ?? null)
  // A new list starts afresh: the newest two picked, no comparison shown.
  const [shownList, setShownList] = useState(found.data)
  if (shownList !== found.data) {
    setShownList(found.data)
    setPair(null)
    setCompared(null)
  }
  const pair = picked ?? { from: items[1]?.revision, to: items[0]?.revision }
  function compare() {
    if (pair.from === undefined || pair.to === undefined) return
    setCompared({ from: pair.from, to: pair.to })
  }

  async function restore(revision: number) {
    try {
      const restored = await api<FullArticle>(
        'POST',
        `/api/articles/${article.id}/revisions/${revision}/restore`,
        {
          baseRevision: article.revision,
        },
      )
      message.success(t('editor.restored', { n: revision, revision: restored.revision }))
      props.onRestored(restored)
    } catch (error) {
      message.error((error as Error).message)
    }
  }

  const options = items.map((item) => ({
    value: item.revision,
    label: t('editor.revisionN', { n: item.revision }),
  }))
  return (
    <Drawer open={isOpen} size={920} title={t('editor.revisions')} onClose={props.onClose}>
      <ErrorAlert error={found.error ?? diffAnswer.error} />
      <Table<RevisionSummary>
        size="small"
        rowKey="revision"
        dataSource={[...items]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('editor.revision'), dataIndex: 'revision', width: 80 },
          { title: t('editor.savedByColumn'), dataIndex: 'actorName' },
          {
            title: t('editor.savedAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (iso: string) => formatZonedMinute(iso, zone),
          },
          {
            title: t('editor.actions'),
            key: 'actions',
            width: 120,
            render: (_, item) =>
              item.revision === article.revision ? (
                <span className="muted">{t('editor.current')}</span>
              ) : props.canRestore ? (
                <Popconfirm
                  title={t('editor.restoreConfirm', { n: item.revision })}
                  description={props.isDirty ? t('editor.restoreDiscards') : undefined}
                  okText={t('editor.restore')}
                  cancelText={t('cancel')}
                  onConfirm={() => restore(item.revision)}
                >
                  <Button size="small" aria-label={t('editor.restoreN', { n: item.revision })}>
                    {t('editor.restore')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Space className="diff-pickers" wrap>
        <Select
          aria-label={t('editor.compareFrom')}
          className="revision-select"
          value={pair.from}
          options={options}
          onChange={(from: number) => setPair({ ...pair, from })}
        />
        <span aria-hidden>→</span>
        <Select
          aria-label={t('editor.compareTo')}
          className="revision-select"
          value={pair.to}
          options={options}
          onChange={(to: number) => setPair({ ...pair, to })}
        />
        <Button
          type="primary"
          onClick={compare}
          loading={diffAnswer.isFetching}
          disabled={pair.from === undefined || pair.to === undefined}
        >
          {t('editor.compare')}
        </Button>
      </Space>
      {diff ? <RevisionDiffView diff={diff} columns={columns} zone={zone} /> : null}
    </Drawer>
  )
}
