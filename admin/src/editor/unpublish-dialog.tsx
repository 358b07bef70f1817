import { Button, DatePicker, Form, Modal } from 'antd'
import { useEffect } from 'react'
import { useI18n } from '../i18n.tsx'
import { minuteItem } from './date-items.ts'

interface UnpublishDialogProps {
  readonly isOpen: boolean
  readonly isBusy: boolean
  /** The withdrawal already set, `2017-12-14 16:44` in the site's zone, or null. */
  readonly current: string | null
  onCancel(): void
  /** null cancels a scheduled withdrawal. */
  onSubmit(at: string | null): void
}

/** Sets the time a published article comes off the site by itself (定时撤稿), or cancels it. */
export function UnpublishDialog({ isOpen, isBusy, current, onCancel, onSubmit }: UnpublishDialogProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ at: string | null }>()
  useEffect(() => {
    if (isOpen) form.setFieldsValue({ at: current })
  }, [isOpen, current, form])
  return (
    <Modal
      open={isOpen}
      title={t('editor.scheduleWithdrawal')}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        current ? (
          <Button key="clear" danger disabled={isBusy} onClick={() => onSubmit(null)}>
            {t('editor.cancelWithdrawal')}
          </Button>
        ) : null,
        <Button key="cancel" onClick={onCancel}>
          {t('cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={isBusy} onClick={() => form.submit()}>
          {t('confirm')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values.at)}>
        <Form.Item
          name="at"
          label={t('editor.withdrawAt')}
          rules={[{ required: true, message: t('editor.withdrawAtRequired') }]}
          {...minuteItem}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="full-width" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
