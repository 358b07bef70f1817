import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { ApiFailure, api, setCsrfToken } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { LanguageSwitch } from '../language-switch.tsx'
import type { SessionView } from '../types.ts'

interface Policy {
  readonly description: { readonly zh: string; readonly en: string }
}

export function SignIn({
  onSignedIn,
  pending,
}: {
  onSignedIn(session: SessionView): void
  pending: SessionView | null
}) {
  const { t, language } = useI18n()
  const [error, setError] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const [policy, setPolicy] = useState<Policy | null>(null)

  // Part of signing in, before any session: not through the query cache, which signing in clears.
  useEffect(() => {
    api<Policy>('GET', '/api/session/policy').then(setPolicy, () => setPolicy(null))
  }, [])

  async function submit(values: { userName: string; password: string } | { code: string }) {
    setBusy(true)
    setError(null)
    try {
      const session =
        'code' in values
          ? await api<SessionView>('POST', '/api/session/second-factor', values)
          : await api<SessionView>('POST', '/api/session', values)
      setCsrfToken(session.csrfToken)
      onSignedIn(session)
    } catch (caught) {
      setError(caught instanceof ApiFailure ? caught : null)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <Card title={t('appName')} extra={<LanguageSwitch />} style={{ width: 380 }}>
        {error && (
          <Alert
            type="error"
            showIcon
            title={error.code === 'ACCOUNT_LOCKED' ? t('accountLocked') : undefined}
            description={error.message}
            style={{ marginBottom: 16 }}
          />
        )}
        {pending?.secondFactorPending ? (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="code"
              label={t('oneTimeCode')}
              extra={t('oneTimeCodeHelp')}
              rules={[{ required: true, pattern: /^\d{6}$/ }]}
            >
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('confirm')}
            </Button>
          </Form>
        ) : (
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="userName"
              label={t('userName')}
              rules={[{ required: true, message: t('userNameRequired') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('password')}
              rules={[{ required: true, message: t('passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn')}
            </Button>
          </Form>
        )}
        {policy && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
            {t('passwordPolicy')}: {language === 'en' ? policy.description.en : policy.description.zh}
          </Typography.Paragraph>
        )}
      </Card>
    </main>
  )
}
