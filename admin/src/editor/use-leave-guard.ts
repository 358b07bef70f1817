import { App } from 'antd'
import { useEffect } from 'react'
import { useBlocker } from 'react-router'
import { useI18n } from '../i18n.tsx'

/**
 * Asks before leaving a screen with unsaved changes: another admin URL (Back included) gets a
 * dialog of ours; a reload, a closed tab or another site gets the browser's own question.
 */
export function useLeaveGuard(hasUnsavedChanges: boolean): void {
  const { t } = useI18n()
  const { modal } = App.useApp()
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      hasUnsavedChanges && currentLocation.pathname !== nextLocation.pathname,
  )

  // Once per blocked navigation: the blocker object is the same while it waits for an answer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog opens when the state changes
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    modal.confirm({
      title: t('leaveTitle'),
      content: t('leaveContent'),
      okText: t('leaveConfirm'),
      cancelText: t('leaveStay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    })
  }, [blocker.state])

  useEffect(() => {
    if (!hasUnsavedChanges) return
    const ask = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [hasUnsavedChanges])
}
