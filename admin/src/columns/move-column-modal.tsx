import { Form, Modal } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { ColumnNode } from '../types.ts'
import { applyColumnChange } from './apply-column-change.ts'
import { ColumnTreeSelect, TOP_LEVEL } from './column-tree-select.tsx'

export interface MoveColumnModalProps {
  readonly siteId: number
  readonly columns: readonly ColumnNode[]
  readonly column: ColumnNode
  readonly parentId: number | null
  onMoved(): void
  /** A refused move: the tree is read again, the dialog stays open with the server's reason. */
  onRefused(): void
  onClose(): void
}

/**
 * The keyboard's way to move a column under another parent (dragging in the tree needs a
 * pointer). Every column is offered: the server refuses a cycle and says why.
 */
export function MoveColumnModal({
  siteId,
  columns,
  column,
  parentId,
  onMoved,
  onRefused,
  onClose,
}: MoveColumnModalProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ parentId: number }>()
  const [error, setError] = useState<unknown>(null)
  const [isMoving, setMoving] = useState(false)

  async function move({ parentId: chosen }: { parentId: number }) {
    setError(null)
    setMoving(true)
    try {
      await applyColumnChange(siteId, column.id, {
        kind: 'move',
        parentId: chosen === TOP_LEVEL ? null : chosen,
      })
      onMoved()
    } catch (caught) {
      setError(caught)
      onRefused()
    } finally {
      setMoving(false)
    }
  }

  return (
    <Modal
      open
      title={t('columns.moveOf', { name: column.name })}
      okText={t('columns.move')}
      cancelText={t('cancel')}
      confirmLoading={isMoving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Form
        form={form}
        name="move-column"
        layout="vertical"
        initialValues={{ parentId: parentId ?? TOP_LEVEL }}
        onFinish={move}
      >
        <Form.Item name="parentId" label={t('columns.newParent')} extra={t('columns.newParentHelp')}>
          <ColumnTreeSelect columns={columns} offersTopLevel disabledId={column.id} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
