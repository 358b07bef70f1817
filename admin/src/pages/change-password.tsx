import { Alert, App, Button, Card, Form, Input } from 'antd'
import { useEffect, useState } from 'react'
import { ApiFailure, api } from '../api.ts'
import type { PasswordPolicy } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'

/**
 * The only screen of a session whose password expired or was set by an administrator (a new
 * account, or a reset's one-time password): the server refuses everything else until then.
 */
export function ChangePassword({ onChanged }: { onChanged(): void }) {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const [error, setError] = useState<string | null>(null)
  const [policy, setPolicy] = useState<PasswordPolicy | null>(null)

  // Part of signing in, before any session: not through the query cache, which signing in clears.
  useEffect(() => {
    api<PasswordPolicy>('GET', '/api/session/policy').then(setPolicy, () => setPolicy(null))
  }, [])

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setError(null)
    try {
      await api('POST', '/api/session/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      })
      message.success(t('passwordChanged'))
      onChanged()
    } catch (caught) {
      setError(caught instanceof ApiFailure ? caught.message : String(caught))
    }
  }

  return (
    <main className="sign-in">
      <Card title={t('changePassword')} style={{ width: 420 }}>
        <Alert type="info" showIcon description={t('changePasswordRequired')} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon description={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('currentPassword')}
            extra={t('currentPasswordHelp')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('newPassword')}
            extra={policy && (language === 'en' ? policy.description.en : policy.description.zh)}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('repeatPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordsDiffer'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('confirm')}
          </Button>
        </Form>
      </Card>
    </main>
  )
}
