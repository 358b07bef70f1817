import type { EditorColumn } from './types.ts'

export interface ColumnOption {
  readonly value: number
  readonly title: string
  readonly disabled: boolean
  readonly children: ColumnOption[]
}

/**
 * A column tree as TreeSelect options: articles live in list columns only, and only where
 * the server says the user may write (each column's allowedActions).
 */
export function columnOptions(nodes: readonly EditorColumn[]): ColumnOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    disabled: node.kind !== 'list' || !node.allowedActions.includes('write'),
    children: columnOptions(node.children),
  }))
}
