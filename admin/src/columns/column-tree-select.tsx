import { TreeSelect } from 'antd'
import { useMemo } from 'react'
import { useI18n } from '../i18n.tsx'
import type { ColumnNode } from '../types.ts'

/** The value standing for "no parent": antd's TreeSelect needs a value for every choice. */
export const TOP_LEVEL = 0

interface Choice {
  readonly value: number
  readonly title: string
  readonly disabled?: boolean
  readonly children: Choice[]
}

function choicesOf(nodes: readonly ColumnNode[], disabledId: number | undefined): Choice[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    ...(node.id === disabledId ? { disabled: true } : {}),
    children: choicesOf(node.children, disabledId),
  }))
}

export interface ColumnTreeSelectProps {
  readonly columns: readonly ColumnNode[]
  /** Offers "(top level)" as the first choice, with the value TOP_LEVEL. */
  readonly offersTopLevel?: boolean
  /** A column that cannot be chosen (the one being moved). */
  readonly disabledId?: number
  readonly id?: string
  readonly value?: number
  readonly disabled?: boolean
  onChange?(value: number): void
}

/** Chooses one column of the site's tree, shown fully opened. */
export function ColumnTreeSelect({ columns, offersTopLevel, disabledId, ...rest }: ColumnTreeSelectProps) {
  const { t } = useI18n()
  const treeData = useMemo(() => {
    const choices = choicesOf(columns, disabledId)
    return offersTopLevel
      ? [{ value: TOP_LEVEL, title: t('columns.topLevel'), children: [] }, ...choices]
      : choices
  }, [columns, disabledId, offersTopLevel, t])
  return <TreeSelect<number> {...rest} className="form-wide" treeDefaultExpandAll treeData={treeData} />
}
