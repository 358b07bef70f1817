import { useQuery } from '@tanstack/react-query'
import { InputNumber, TreeSelect } from 'antd'
import { useMemo } from 'react'
import { columnTreeKey } from '../columns/use-column-tree.ts'
import { useI18n } from '../i18n.tsx'
import type { ColumnNode } from '../types.ts'

export interface ColumnPickerProps {
  readonly siteId: number | undefined
  /** Whether the user may read the site's column tree; else the column is typed by number. */
  readonly isTreeReadable: boolean
  readonly id?: string
  readonly value?: number | null
  onChange?(value: number | null): void
}

interface TreeNode {
  readonly value: number
  readonly title: string
  readonly children: TreeNode[]
}

function treeOf(nodes: readonly ColumnNode[]): TreeNode[] {
  return nodes.map((node) => ({ value: node.id, title: node.name, children: treeOf(node.children) }))
}

/**
 * An optional column of the site: from its column tree, or by number when the tree is not
 * readable for the user (a security administrator holds no role in the site).
 */
export function ColumnPicker({ siteId, isTreeReadable, id, value, onChange }: ColumnPickerProps) {
  const { t } = useI18n()
  const answer = useQuery<{ roots: ColumnNode[] }>({
    queryKey: columnTreeKey(siteId ?? 0),
    enabled: siteId !== undefined && isTreeReadable,
  })
  const tree = useMemo(() => treeOf(answer.data?.roots ?? []), [answer.data])
  const isUnreadable = !isTreeReadable || answer.isError

  const common = { ...(id ? { id } : {}), className: 'form-wide', disabled: siteId === undefined }
  if (isUnreadable) {
    return (
      <InputNumber<number>
        {...common}
        min={1}
        precision={0}
        value={value ?? null}
        onChange={(next) => onChange?.(next ?? null)}
        placeholder={t('columnNumberPlaceholder')}
      />
    )
  }
  return (
    <TreeSelect<number>
      {...common}
      allowClear
      treeDefaultExpandAll
      treeData={tree}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={t('wholeSite')}
    />
  )
}
