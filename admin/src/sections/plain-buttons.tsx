import { ConfigProvider } from 'antd'
import type { ReactNode } from 'react'

/**
 * Buttons labelled as written: antd spaces out two-character Chinese labels (授 权), which then
 * differ from the accessible names that say whom a row's button acts on (授权：张三), and a
 * spoken label should contain the visible one (WCAG 2.5.3).
 */
export function PlainButtons({ children }: { children: ReactNode }) {
  return <ConfigProvider button={{ autoInsertSpace: false }}>{children}</ConfigProvider>
}
