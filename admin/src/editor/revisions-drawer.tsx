import { App, Button, Drawer, Popconfirm, Select, Space, Table } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
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
  const [items, setItems] = useState<readonly RevisionSummary[]>([])
  const [pair, setPair] = useState<{ from?: number; to?: number }>({})
  const [diff, setDiff] = useState<RevisionDiff | null>(null)
  const [isBusy, setBusy] = useState(false)

  // Read again whenever the article gets a new revision (a save, a restore) while open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: article.revision is the trigger
  useEffect(() => {
    if (!isOpen) return
    api<{ items: RevisionSummary[] }>('GET', `/api/articles/${article.id}/revisions`)
      .then(({ items: loaded }) => {
        setItems(loaded)
        setPair({ from: loaded[1]?.revision, to: loaded[0]?.revision })
        setDiff(null)
      })
      .catch((error: Error) => message.error(error.message))
  }, [isOpen, article.id, article.revision, message])

  async function compare() {
    if (pair.from === undefined || pair.to === undefined) return
    setBusy(true)
    try {
      setDiff(
        await api<RevisionDiff>('GET', `/api/articles/${article.id}/diff?from=${pair.from}&to=${pair.to}`),
      )
    } catch (error) {
      message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
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
      <Table<RevisionSummary>
        size="small"
        rowKey="revision"
        dataSource={[...items]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('editor.revision'), dataIndex: 'revision', width: 80 },
          { title: t('editor.savedByColumn'), dataIndex: 'actor' },
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
          onChange={(from: number) => setPair((current) => ({ ...current, from }))}
        />
        <span aria-hidden>→</span>
        <Select
          aria-label={t('editor.compareTo')}
          className="revision-select"
          value={pair.to}
          options={options}
          onChange={(to: number) => setPair((current) => ({ ...current, to }))}
        />
        <Button
          type="primary"
          onClick={compare}
          loading={isBusy}
          disabled={pair.from === undefined || pair.to === undefined}
        >
          {t('editor.compare')}
        </Button>
      </Space>
      {diff ? <RevisionDiffView diff={diff} columns={columns} zone={zone} /> : null}
    </Drawer>
  )
}
