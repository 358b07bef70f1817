import { Form, Modal } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { ColumnNode } from '../types.ts'
import { ColumnTreeSelect } from './column-tree-select.tsx'

export interface BulkMoveDialogProps {
  readonly count: number
  readonly columns: readonly ColumnNode[]
  readonly isBusy: boolean
  onSubmit(columnId: number): void
  onCancel(): void
}

/** Asks which column the selected articles move to. */
export function BulkMoveDialog({ count, columns, isBusy, onSubmit, onCancel }: BulkMoveDialogProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ columnId: number }>()
  return (
    <Modal
      open
      title={t('bulk.moveTitle', { n: count })}
      okText={t('columns.move')}
      cancelText={t('cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Form form={form} name="bulk-move" layout="vertical" onFinish={(values) => onSubmit(values.columnId)}>
        <Form.Item
          name="columnId"
          label={t('bulk.moveTarget')}
          rules={[{ required: true, message: t('bulk.moveTargetRequired') }]}
        >
          <ColumnTreeSelect columns={columns} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
