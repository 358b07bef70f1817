import { CaretDownFilled } from '@ant-design/icons'
import { Alert, App, Button, Tree, type TreeProps } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { useMemo, useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { useErrorText } from '../sections/error-alert.tsx'
import { ColumnTitle } from '../topics/column-title.tsx'
import type { ColumnNode } from '../types.ts'
import { applyColumnChange } from './apply-column-change.ts'
import { ColumnOrderButton } from './column-order-button.tsx'
import { parentIds, placeOf } from './column-places.ts'
import { ColumnToolbar } from './column-toolbar.tsx'
import { planDrop } from './plan-drop.ts'
import './columns.css'

function treeData(nodes: readonly ColumnNode[]): DataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: <ColumnTitle name={node.name} kind={node.kind} />,
    children: treeData(node.children),
  }))
}

export interface ColumnSiderProps {
  readonly siteId: number | null
  readonly columns: readonly ColumnNode[]
  /** Site administrators rearrange, create, change and delete columns; everyone else only reads the tree. */
  readonly isManager: boolean
  readonly selectedId: number | null
  onSelect(id: number | null): void
  /** The tree changed on the server (or a change was refused): read it again. */
  onChanged(): void
}

/** The site's column tree in the sider: chooses the column whose articles are listed. */
export function ColumnSider({
  siteId,
  columns,
  isManager,
  selectedId,
  onSelect,
  onChanged,
}: ColumnSiderProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const [refusal, setRefusal] = useState<string | null>(null)
  // Every column stays open but those the user closed, so a column moved under a leaf stays in view.
  const [closedIds, setClosedIds] = useState<ReadonlySet<number>>(new Set())
  const tree = useMemo(() => treeData(columns), [columns])
  const expandedKeys = useMemo(
    () => parentIds(columns).filter((id) => !closedIds.has(id)),
    [columns, closedIds],
  )
  const canManage = isManager && siteId !== null

  function refused(error: unknown) {
    setRefusal(errorText(error))
  }

  const drop: TreeProps['onDrop'] = async (info) => {
    if (siteId === null) return
    const draggedId = Number(info.dragNode.key)
    const positions = info.node.pos.split('-')
    const relative = info.dropPosition - Number(positions[positions.length - 1])
    const change = planDrop(columns, {
      draggedId,
      targetId: Number(info.node.key),
      isBetween: info.dropToGap,
      side: relative < 0 ? -1 : 1,
      isTargetOpen: Boolean(info.node.expanded),
    })
    if (!change) return
    setRefusal(null)
    try {
      await applyColumnChange(siteId, draggedId, change)
      message.success(t(change.kind === 'move' ? 'columns.moved' : 'columns.reordered'))
    } catch (error) {
      refused(error)
    } finally {
      onChanged()
    }
  }

  return (
    <nav aria-label={t('columns')}>
      <h2 className="sider-title">{t('columns')}</h2>
      {canManage && (
        <ColumnToolbar
          siteId={siteId}
          columns={columns}
          selectedId={selectedId}
          onSelect={onSelect}
          onChanged={onChanged}
          onRefused={refused}
        />
      )}
      {siteId !== null && selectedId !== null && (
        <ColumnOrderButton siteId={siteId} column={placeOf(columns, selectedId)?.column ?? null} />
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ 'aria-label': t('close') }}
          title={refusal}
          className="column-refusal"
          onClose={() => setRefusal(null)}
        />
      )}
      <Button type={selectedId === null ? 'link' : 'text'} onClick={() => onSelect(null)}>
        {t('allColumns')}
      </Button>
      <Tree
        treeData={tree}
        // Hidden from screen readers: a treeitem's name is its column's name, its state says it is open.
        switcherIcon={<CaretDownFilled aria-hidden />}
        expandedKeys={expandedKeys}
        onExpand={(_keys, { expanded, node }) =>
          setClosedIds((current) => {
            const next = new Set(current)
            if (expanded) next.delete(Number(node.key))
            else next.add(Number(node.key))
            return next
          })
        }
        draggable={canManage ? { icon: false } : false}
        onDrop={drop}
        selectedKeys={selectedId === null ? [] : [selectedId]}
        onSelect={(keys) => {
          setRefusal(null)
          onSelect(keys.length > 0 ? Number(keys[0]) : null)
        }}
      />
    </nav>
  )
}
