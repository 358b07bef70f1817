import { Form, Input, Modal } from 'antd'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n.tsx'

interface ReasonDialogProps {
  readonly isOpen: boolean
  readonly title: string
  readonly label: string
  readonly requiredMessage: string
  readonly okText: string
  readonly isBusy: boolean
  readonly maxLength: number
  /** Shown above the field: what the step will affect (the pages linking to a withdrawn article). */
  readonly extra?: ReactNode
  onCancel(): void
  onSubmit(text: string): void
}

/** Asks for the text a step needs: the comment of a rejection, the reason of a withdrawal. */
export function ReasonDialog(props: ReasonDialogProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ text: string }>()
  return (
    <Modal
      open={props.isOpen}
      title={props.title}
      okText={props.okText}
      cancelText={t('cancel')}
      confirmLoading={props.isBusy}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      {props.isOpen ? props.extra : null}
      <Form form={form} layout="vertical" onFinish={(values) => props.onSubmit(values.text.trim())}>
        <Form.Item
          name="text"
          label={props.label}
          rules={[{ required: true, whitespace: true, message: props.requiredMessage }]}
        >
          <Input.TextArea rows={4} maxLength={props.maxLength} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}
