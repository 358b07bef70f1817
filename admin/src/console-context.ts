import { createContext, useContext } from 'react'
import type { ColumnNode, SessionView, Site } from './types.ts'

/** What every screen of a site shares: chosen in the console's header and sider (site-console.tsx). */
export interface ConsoleState {
  readonly session: SessionView
  readonly sites: readonly Site[]
  /** The site in the URL; null under /administration before any site exists. */
  readonly site: Site | null
  readonly columns: readonly ColumnNode[]
  /** The column chosen in the tree (`?column=`), null for the whole site. */
  readonly columnId: number | null
  reloadColumns(): void
}

export const ConsoleContext = createContext<ConsoleState | null>(null)

export function useConsole(): ConsoleState {
  const state = useContext(ConsoleContext)
  if (!state) throw new Error('useConsole outside the site console')
  return state
}
