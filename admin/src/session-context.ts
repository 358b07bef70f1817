import { createContext, useContext } from 'react'
import type { SessionView } from './types.ts'

export interface SessionState {
  readonly session: SessionView
  signedOut(): void
}

/** The signed-in user, for every screen under the session gate (app.tsx). */
export const SessionContext = createContext<SessionState | null>(null)

export function useSession(): SessionState {
  const state = useContext(SessionContext)
  if (!state) throw new Error('useSession outside the signed-in admin')
  return state
}
