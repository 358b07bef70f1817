import { App } from 'antd'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n.tsx'

export interface ConfirmOptions {
  readonly title: string
  readonly content?: ReactNode
  /** The button that does it, named for what it does (停用, 撤销, 彻底清空). */
  readonly okText: string
  /** Runs when confirmed; the dialog waits for it. It reports its own failures. */
  onOk(): Promise<void>
}

/** Asks before a destructive action, in a dialog that takes the keyboard focus. */
export function useConfirm(): (options: ConfirmOptions) => void {
  const { modal } = App.useApp()
  const { t } = useI18n()
  return ({ title, content, okText, onOk }) => {
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t('cancel'),
      okButtonProps: { danger: true },
      onOk,
    })
  }
}
