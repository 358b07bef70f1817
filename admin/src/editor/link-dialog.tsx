import { Button, Form, Input, Modal } from 'antd'
import { useEffect } from 'react'
import { useI18n } from '../i18n.tsx'

interface LinkDialogProps {
  readonly isOpen: boolean
  /** The link at the caret, '' for none. */
  readonly href: string
  onClose(): void
  /** '' takes the link away. */
  onApply(href: string): void
}

/** Asks for a link's address: http(s), mailto, or a path on the site, as the server takes them. */
export function LinkDialog({ isOpen, href, onClose, onApply }: LinkDialogProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ href: string }>()
  useEffect(() => {
    if (isOpen) form.setFieldsValue({ href })
  }, [isOpen, href, form])

  return (
    <Modal
      open={isOpen}
      title={t('editor.link')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        href ? (
          <Button key="remove" danger onClick={() => onApply('')}>
            {t('editor.removeLink')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onClose}>
          {t('cancel')}
        </Button>,
        <Button key="ok" type="primary" onClick={() => form.submit()}>
          {t('confirm')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={(values) => onApply(values.href.trim())}>
        <Form.Item
          name="href"
          label={t('editor.linkAddress')}
          rules={[
            { required: true, message: t('editor.linkRequired') },
            {
              pattern: /^\s*(?:https?:\/\/\S+|mailto:\S+|\/(?!\/)\S*)\s*$/,
              message: t('editor.linkInvalid'),
            },
          ]}
        >
          <Input placeholder="https://" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}
