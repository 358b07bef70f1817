import { Checkbox, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { UserAccount } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { showFieldError } from './field-error.ts'

interface UserValues {
  userName: string
  displayName: string
  password: string
  mustChangePassword: boolean
}

export interface UserCreateModalProps {
  onCreated(user: UserAccount): void
  onClose(): void
}

/** A new account; a password the policy refuses is explained under the password field. */
export function UserCreateModal({ onCreated, onClose }: UserCreateModalProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<UserValues>()
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)

  async function submit(values: UserValues) {
    setError(null)
    setSaving(true)
    try {
      onCreated(await api<UserAccount>('POST', '/api/users', values))
    } catch (caught) {
      if (!showFieldError(form, caught, ['userName', 'displayName', 'password'])) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('createUser')}
      okText={t('create')}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Form<UserValues>
        form={form}
        name="create-user"
        layout="vertical"
        requiredMark={false}
        initialValues={{ mustChangePassword: true }}
        onFinish={submit}
      >
        <Form.Item name="userName" label={t('userName')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="password" label={t('initialPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>{t('mustChangePassword')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}
