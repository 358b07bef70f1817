import { App as AntApp, ConfigProvider, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useCallback, useEffect, useState } from 'react'
import { Outlet } from 'react-router'
import { api, setCsrfToken } from './api.ts'
import { useI18n } from './i18n.tsx'
import { ChangePassword } from './pages/change-password.tsx'
import { SignIn } from './pages/sign-in.tsx'
import { queryClient } from './query-client.ts'
import { SessionContext } from './session-context.ts'
import type { SessionView } from './types.ts'

/** The server puts a fresh nonce in the page for every load; antd's styles carry it (CSP without unsafe-inline). */
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? ''

/** antd's defaults with contrasts of at least 4.5:1 (WCAG 2.1 AA) for text, links and tags. */
const THEME = {
  token: {
    colorPrimary: '#1d4f91',
    colorInfo: '#1d4f91',
    colorLink: '#1d4f91',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#c4161c',
    colorSuccessText: '#1f6b04',
    colorWarningText: '#874d00',
    colorErrorText: '#a8071a',
    colorInfoText: '#1d4f91',
    colorSuccessBg: '#f0f9eb',
    colorWarningBg: '#fffbe6',
    colorErrorBg: '#fff1f0',
    colorInfoBg: '#e8f0fa',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextDescription: 'rgba(0, 0, 0, 0.68)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
}

/**
 * The root of every admin URL: the session is asked for once; until the user is signed in the
 * sign-in screen stands in for whatever URL was opened, so a deep link lands where it points.
 */
export function App() {
  const { language } = useI18n()
  const [session, setSession] = useState<SessionView | null | undefined>(undefined)

  const signedIn = useCallback((next: SessionView | null) => {
    if (next) setCsrfToken(next.csrfToken)
    // Nothing read for one user is shown to the next.
    else queryClient.clear()
    setSession(next)
  }, [])

  // Not through the query cache: signing in sets the CSRF token and clears the cache it would sit in.
  useEffect(() => {
    api<{ session: SessionView | null }>('GET', '/api/session/state')
      .then(({ session }) => signedIn(session))
      .catch(() => signedIn(null))
  }, [signedIn])

  let screen = <Spin fullscreen />
  if (session === null || session?.secondFactorPending)
    screen = <SignIn onSignedIn={signedIn} pending={session ?? null} />
  else if (session?.mustChangePassword)
    screen = <ChangePassword onChanged={() => signedIn({ ...session, mustChangePassword: false })} />
  else if (session)
    screen = (
      <SessionContext value={{ session, signedOut: () => signedIn(null) }}>
        <Outlet />
      </SessionContext>
    )

  // antd's date pickers take month and weekday names from dayjs's global locale, not from
  // ConfigProvider: without this the Chinese UI shows "Jan" and "Mo".
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn')

  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      csp={{ nonce }}
      theme={THEME}
      // Labels as written: antd would space out two-character Chinese labels (登 录).
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{screen}</AntApp>
    </ConfigProvider>
  )
}
