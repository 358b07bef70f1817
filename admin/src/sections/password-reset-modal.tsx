import { Alert, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { UserAccount } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { showFieldError } from './field-error.ts'

export interface PasswordResetModalProps {
  readonly user: UserAccount
  onDone(): void
  onClose(): void
}

/** Sets a new password the user must change at next sign-in; it ends the user's sessions. */
export function PasswordResetModal({ user, onDone, onClose }: PasswordResetModalProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<{ password: string }>()
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)

  async function submit({ password }: { password: string }) {
    setError(null)
    setSaving(true)
    try {
      await api('POST', `/api/users/${user.id}/password`, { password })
      onDone()
    } catch (caught) {
      if (!showFieldError(form, caught, ['password'])) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('resetPasswordOf', { name: user.userName })}
      okText={t('resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('resetPasswordWarning')} className="section-alert" />
      <ErrorAlert error={error} />
      <Form form={form} name={`reset-${user.id}`} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="password" label={t('newPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
