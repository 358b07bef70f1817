import { App, Button } from 'antd'
import { useState } from 'react'
import { ApiFailure, api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { LinkedFromList } from './linked-from-list.tsx'
import { ReasonDialog } from './reason-dialog.tsx'
import type { FullArticle } from './types.ts'
import { UnpublishDialog } from './unpublish-dialog.tsx'
import { formatZonedMinute } from './zoned-minute.ts'

interface WorkflowActionsProps {
  readonly article: FullArticle
  /** Review levels of the home column (0: submitting publishes). */
  readonly reviewLevels: number
  readonly zone: string
  /** Saves what is unsaved before the article moves on; false when that save did not go through. */
  saveFirst(): Promise<boolean>
  onChanged(article: FullArticle): void
  /** A step refused for 禁用 words (WORDING_BLOCKED): the editor shows and marks them. */
  onWordingRefused?(): void
}

type Dialog = 'reject' | 'withdraw' | 'unpublish' | null

/** The workflow steps the article's status and the user's roles allow (docs/server.md). */
export function WorkflowActions({
  article,
  reviewLevels,
  zone,
  saveFirst,
  onChanged,
  onWordingRefused,
}: WorkflowActionsProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const level = article.reviewStage + 1
  const levelName = t(`editor.level.${Math.min(level, 3)}` as MessageKey)

  async function step(name: string, method: 'POST' | 'PUT', path: string, done: MessageKey, body?: unknown) {
    setBusy(name)
    try {
      const next = await api<FullArticle>(method, `/api/articles/${article.id}/${path}`, body ?? {})
      onChanged(next)
      setDialog(null)
      message.success(t(done))
    } catch (error) {
      message.error((error as Error).message)
      if (error instanceof ApiFailure && error.code === 'WORDING_BLOCKED') onWordingRefused?.()
    } finally {
      setBusy(null)
    }
  }

  // Submitting or publishing sends out what is saved: unsaved changes are saved first.
  async function savedThen(run: () => Promise<void>) {
    if (await saveFirst()) await run()
  }

  // The server says which steps the user may take now; the buttons offer just those.
  const may = (action: string) => article.allowedActions.includes(action)
  return (
    <>
      {may('submit') ? (
        <Button
          type="primary"
          loading={busy === 'submit'}
          onClick={() =>
            savedThen(() =>
              step(
                'submit',
                'POST',
                'submit',
                reviewLevels > 0 ? 'editor.submitted' : 'editor.submittedPublished',
              ),
            )
          }
        >
          {reviewLevels > 0 ? t('editor.submit') : t('editor.submitAndPublish')}
        </Button>
      ) : null}
      {may('recall') ? (
        <Button
          loading={busy === 'recall'}
          onClick={() => step('recall', 'POST', 'recall', 'editor.recalled')}
        >
          {t('editor.recall')}
        </Button>
      ) : null}
      {may('approve') ? (
        <Button
          type="primary"
          loading={busy === 'approve'}
          onClick={() => step('approve', 'POST', 'approve', 'editor.approved', { level })}
        >
          {t('editor.approve', { level: levelName })}
        </Button>
      ) : null}
      {may('reject') ? (
        <Button danger onClick={() => setDialog('reject')}>
          {t('editor.reject')}
        </Button>
      ) : null}
      {may('publish') ? (
        <Button
          loading={busy === 'publish'}
          onClick={() => savedThen(() => step('publish', 'POST', 'publish', 'editor.publishedNow'))}
        >
          {t('editor.publishNow')}
        </Button>
      ) : null}
      {may('withdraw') ? (
        <Button danger onClick={() => setDialog('withdraw')}>
          {t('editor.withdraw')}
        </Button>
      ) : null}
      {may('scheduleUnpublish') ? (
        <Button onClick={() => setDialog('unpublish')}>{t('editor.scheduleWithdrawal')}</Button>
      ) : null}
      <ReasonDialog
        isOpen={dialog === 'reject'}
        title={t('editor.reject')}
        label={t('editor.rejectComment')}
        requiredMessage={t('editor.rejectCommentRequired')}
        okText={t('editor.reject')}
        maxLength={2000}
        isBusy={busy === 'reject'}
        onCancel={() => setDialog(null)}
        onSubmit={(comment) => step('reject', 'POST', 'reject', 'editor.rejected', { comment })}
      />
      <ReasonDialog
        isOpen={dialog === 'withdraw'}
        extra={<LinkedFromList articleIds={[article.id]} />}
        title={t('editor.withdraw')}
        label={t('editor.withdrawReason')}
        requiredMessage={t('editor.withdrawReasonRequired')}
        okText={t('editor.withdraw')}
        maxLength={500}
        isBusy={busy === 'withdraw'}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => step('withdraw', 'POST', 'withdraw', 'editor.withdrawn', { reason })}
      />
      <UnpublishDialog
        isOpen={dialog === 'unpublish'}
        isBusy={busy === 'unpublish'}
        current={article.unpublishAt ? formatZonedMinute(article.unpublishAt, zone) : null}
        onCancel={() => setDialog(null)}
        onSubmit={(at) =>
          step(
            'unpublish',
            'PUT',
            'unpublish-at',
            at ? 'editor.withdrawalScheduled' : 'editor.withdrawalCancelled',
            {
              at,
            },
          )
        }
      />
    </>
  )
}
