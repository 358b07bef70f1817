import { Alert, Modal, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { PasswordReset } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import type { UserAccount } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'

export interface PasswordResetModalProps {
  readonly user: UserAccount
  onDone(): void
  onClose(): void
}

/**
 * Resets a password: the server draws a one-time password, shown here once, that only lets
 * the user set their own. The administrator cannot choose it (三员分立, docs/server.md).
 */
export function PasswordResetModal({ user, onDone, onClose }: PasswordResetModalProps) {
  const { t } = useI18n()
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)
  const [oneTime, setOneTime] = useState<string | null>(null)

  async function reset() {
    setError(null)
    setSaving(true)
    try {
      const answer = await api<PasswordReset>('POST', `/api/users/${user.id}/password`, {})
      setOneTime(answer.password)
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  if (oneTime !== null) {
    return (
      <Modal
        open
        title={t('resetPasswordOf', { name: user.userName })}
        okText={t('oneTimePasswordNoted')}
        cancelButtonProps={{ style: { display: 'none' } }}
        closable={false}
        maskClosable={false}
        onOk={onDone}
      >
        <Alert type="success" showIcon title={t('oneTimePasswordShownOnce')} className="section-alert" />
        <Typography.Paragraph>
          <Typography.Text code copyable strong className="one-time-password">
            {oneTime}
          </Typography.Text>
        </Typography.Paragraph>
      </Modal>
    )
  }

  return (
    <Modal
      open
      title={t('resetPasswordOf', { name: user.userName })}
      okText={t('resetPassword')}
      okButtonProps={{ danger: true }}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      onOk={reset}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('resetPasswordWarning')} className="section-alert" />
      <ErrorAlert error={error} />
    </Modal>
  )
}
