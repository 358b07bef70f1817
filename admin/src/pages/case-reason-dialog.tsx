import { Input, Modal } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'

/**
 * Asks for the reason of a 补正 (shown to the applicant on the status page) or of an extension
 * (kept in the case and the audit log); the dialog does not send an empty one, as the server
 * would refuse it.
 */
export function CaseReasonDialog({
  title,
  label,
  okText,
  onSend,
  onClose,
}: {
  readonly title: string
  readonly label: string
  readonly okText: string
  onSend(reason: string): Promise<void>
  onClose(): void
}) {
  const { t } = useI18n()
  const [reason, setReason] = useState('')
  const [isSending, setSending] = useState(false)
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !reason.trim(), loading: isSending }}
      onCancel={onClose}
      onOk={async () => {
        setSending(true)
        await onSend(reason.trim()).finally(() => setSending(false))
        onClose()
      }}
    >
      <label htmlFor="case-reason">{label}</label>
      <Input.TextArea
        id="case-reason"
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  )
}
