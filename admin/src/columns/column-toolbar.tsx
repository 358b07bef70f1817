import { App, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { useConfirm } from '../sections/use-confirm.tsx'
import { NewTopicButton, TopicBannerButton } from '../topics/topic-buttons.tsx'
import type { ColumnNode } from '../types.ts'
import { applyColumnChange } from './apply-column-change.ts'
import { ColumnFormModal } from './column-form-modal.tsx'
import { orderWith, placeOf } from './column-places.ts'
import { MoveColumnModal } from './move-column-modal.tsx'
import { PinnedOrderDialog } from './pinned-order-dialog.tsx'

type Dialog = 'create' | 'edit' | 'move' | 'pinnedOrder' | null

export interface ColumnToolbarProps {
  readonly siteId: number
  readonly columns: readonly ColumnNode[]
  readonly selectedId: number | null
  onSelect(id: number | null): void
  /** The tree changed (or a change was refused): read it again. */
  onChanged(): void
  onRefused(error: unknown): void
}

/**
 * A site administrator's column actions, on the column selected in the tree: the keyboard's
 * way to do what dragging does, and to create, change and delete columns.
 */
export function ColumnToolbar({
  siteId,
  columns,
  selectedId,
  onSelect,
  onChanged,
  onRefused,
}: ColumnToolbarProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const confirm = useConfirm()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [isBusy, setBusy] = useState(false)
  const place = selectedId === null ? null : placeOf(columns, selectedId)
  const index = place ? place.siblings.findIndex((sibling) => sibling.id === place.column.id) : -1

  async function shift(by: -1 | 1) {
    if (!place) return
    const orderedIds = orderWith(
      place.siblings.map((sibling) => sibling.id),
      place.column.id,
      index + by,
    )
    setBusy(true)
    try {
      await applyColumnChange(siteId, place.column.id, {
        kind: 'reorder',
        parentId: place.parentId,
        orderedIds,
      })
      message.success(t('columns.reordered'))
    } catch (error) {
      onRefused(error)
    } finally {
      setBusy(false)
      onChanged()
    }
  }

  function remove(column: ColumnNode) {
    confirm({
      title: t('columns.deleteOf', { name: column.name }),
      content: t('columns.deleteExplained'),
      okText: t('columns.delete'),
      async onOk() {
        try {
          await api('DELETE', `/api/columns/${column.id}`)
          onSelect(null)
          message.success(t('columns.deleted'))
        } catch (error) {
          onRefused(error)
        } finally {
          onChanged()
        }
      },
    })
  }

  const close = () => setDialog(null)
  return (
    <div className="column-toolbar">
      <Space wrap size={4} role="group" aria-label={t('columns.manage')}>
        <Button size="small" type="primary" onClick={() => setDialog('create')}>
          {t('columns.new')}
        </Button>
        <NewTopicButton
          siteId={siteId}
          columns={columns}
          parentId={selectedId}
          onCreated={(id) => {
            onChanged()
            onSelect(id)
          }}
        />
        <Button size="small" disabled={!place} onClick={() => setDialog('edit')}>
          {t('columns.edit')}
        </Button>
        <Button size="small" disabled={!place || index <= 0 || isBusy} onClick={() => shift(-1)}>
          {t('columns.moveUp')}
        </Button>
        <Button
          size="small"
          disabled={!place || index >= place.siblings.length - 1 || isBusy}
          onClick={() => shift(1)}
        >
          {t('columns.moveDown')}
        </Button>
        <Button size="small" disabled={!place} onClick={() => setDialog('move')}>
          {t('columns.moveTo')}
        </Button>
        <Button
          size="small"
          disabled={place?.column.kind !== 'list'}
          onClick={() => setDialog('pinnedOrder')}
        >
          {t('columns.pinnedOrder')}
        </Button>
        <TopicBannerButton siteId={siteId} column={place?.column ?? null} />
        <Button size="small" danger disabled={!place} onClick={() => place && remove(place.column)}>
          {t('columns.delete')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" className="column-hint">
        {place ? t('columns.selected', { name: place.column.name }) : t('columns.noneSelected')}{' '}
        {t('columns.dragHint')}
      </Typography.Paragraph>
      {(dialog === 'create' || (dialog === 'edit' && place)) && (
        <ColumnFormModal
          siteId={siteId}
          columns={columns}
          {...(dialog === 'edit' && place ? { columnId: place.column.id } : { parentId: selectedId })}
          onSaved={(saved) => {
            close()
            message.success(t(dialog === 'create' ? 'columns.created' : 'columns.saved'))
            onChanged()
            onSelect(saved.id)
          }}
          onClose={close}
        />
      )}
      {dialog === 'pinnedOrder' && place && (
        <PinnedOrderDialog siteId={siteId} column={place.column} onClose={close} />
      )}
      {dialog === 'move' && place && (
        <MoveColumnModal
          siteId={siteId}
          columns={columns}
          column={place.column}
          parentId={place.parentId}
          onMoved={() => {
            close()
            message.success(t('columns.moved'))
            onChanged()
          }}
          onRefused={onChanged}
          onClose={close}
        />
      )}
    </div>
  )
}
