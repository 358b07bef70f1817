import { Button } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import type { ColumnNode } from '../types.ts'
import { ColumnOrderDialog } from './column-order-dialog.tsx'

interface ColumnOrderButtonProps {
  readonly siteId: number
  /** The selected column: the button shows only for a list the user may write in. */
  readonly column: ColumnNode | null
}

/** 排序 for whoever writes in the column, not only the site's administrators. */
export function ColumnOrderButton({ siteId, column }: ColumnOrderButtonProps) {
  const { t } = useI18n()
  const [isOpen, setOpen] = useState(false)
  if (column?.kind !== 'list' || !column.allowedActions.includes('write')) return null
  return (
    <div className="column-order">
      <Button size="small" onClick={() => setOpen(true)}>
        {t('columns.articleOrder')}
      </Button>
      {isOpen && <ColumnOrderDialog siteId={siteId} column={column} onClose={() => setOpen(false)} />}
    </div>
  )
}
