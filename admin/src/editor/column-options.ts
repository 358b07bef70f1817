import type { EditorColumn } from './types.ts'

export interface ColumnOption {
  readonly value: number
  readonly title: string
  readonly disabled: boolean
  readonly children: ColumnOption[]
}

/**
 * A column tree as TreeSelect options: articles live in list columns only, and only where
 * the user may write (`canWriteIn` gets the column and its ancestors, nearest first).
 */
export function columnOptions(
  nodes: readonly EditorColumn[],
  canWriteIn: (path: readonly number[]) => boolean,
  above: readonly number[] = [],
): ColumnOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: node.kind !== 'list' || !canWriteIn([node.id, ...above]),
    children: columnOptions(node.children, canWriteIn, [node.id, ...above]),
  }))
}
