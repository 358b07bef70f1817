import { TableOutlined } from '@ant-design/icons'
import { Button, InputNumber, Popover, Space } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'

interface InsertTableButtonProps {
  readonly isDisabled: boolean
  onInsert(rows: number, columns: number): void
}

const MAX_SIDE = 50

/** 插入表格 with its size: rows × columns asked in a small panel, 3 × 3 unless changed. */
export function InsertTableButton({ isDisabled, onInsert }: InsertTableButtonProps) {
  const { t } = useI18n()
  const [isOpen, setOpen] = useState(false)
  const [rows, setRows] = useState(3)
  const [columns, setColumns] = useState(3)
  const insert = () => {
    setOpen(false)
    onInsert(rows, columns)
  }
  const panel = (
    // biome-ignore lint/a11y/useSemanticElements: a labelled group of two fields, not a form to submit
    <div className="table-size" role="group" aria-label={t('editor.tableSize')}>
      <Space wrap>
        <span aria-hidden="true">{t('editor.tableRows')}</span>
        <InputNumber
          aria-label={t('editor.tableRows')}
          size="small"
          min={1}
          max={MAX_SIDE}
          precision={0}
          value={rows}
          onChange={(value) => setRows(value ?? 1)}
          onPressEnter={insert}
        />
        <span aria-hidden="true">×</span>
        <span aria-hidden="true">{t('editor.tableColumns')}</span>
        <InputNumber
          aria-label={t('editor.tableColumns')}
          size="small"
          min={1}
          max={MAX_SIDE}
          precision={0}
          value={columns}
          onChange={(value) => setColumns(value ?? 1)}
          onPressEnter={insert}
        />
        <Button size="small" type="primary" onClick={insert}>
          {t('editor.tableInsert')}
        </Button>
      </Space>
    </div>
  )
  return (
    <Popover content={panel} trigger="click" open={isOpen && !isDisabled} onOpenChange={setOpen}>
      <Button
        size="small"
        color="primary"
        variant="text"
        icon={<TableOutlined />}
        aria-label={t('editor.insertTable')}
        aria-haspopup="dialog"
        aria-expanded={isOpen}
        disabled={isDisabled}
      />
    </Popover>
  )
}
