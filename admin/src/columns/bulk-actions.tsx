import { App, Button, Space } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { LinkedFromList } from '../editor/linked-from-list.tsx'
import { ReasonDialog } from '../editor/reason-dialog.tsx'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { useErrorText } from '../sections/error-alert.tsx'
import type { Article, ColumnNode } from '../types.ts'
import { BulkMoveDialog } from './bulk-move-dialog.tsx'
import { type BulkOutcome, runBulk } from './run-bulk.ts'

type Confirmed = 'submit' | 'publish' | 'delete'

const STEPS: Record<
  Confirmed,
  { title: MessageKey; text: MessageKey; run(article: Article): Promise<unknown> }
> = {
  submit: {
    title: 'bulk.submitTitle',
    text: 'bulk.submitText',
    run: (article) => api('POST', `/api/articles/${article.id}/submit`, {}),
  },
  publish: {
    title: 'bulk.publishTitle',
    text: 'bulk.publishText',
    run: (article) => api('POST', `/api/articles/${article.id}/publish`, {}),
  },
  delete: {
    title: 'bulk.deleteTitle',
    text: 'bulk.deleteText',
    run: (article) => api('DELETE', `/api/articles/${article.id}`),
  },
}

export interface BulkActionsProps {
  /** The selected articles, in the order they were listed. */
  readonly articles: readonly Article[]
  readonly columns: readonly ColumnNode[]
  onClear(): void
  /** The steps ran: the list is read again and the selection cleared. */
  onDone(): void
}

/**
 * Steps on every selected article: each asked for once, for all of them, then run one by one;
 * the result dialog names each article not done and the server's reason.
 */
export function BulkActions({ articles, columns, onClear, onDone }: BulkActionsProps) {
  const { t } = useI18n()
  const { modal } = App.useApp()
  const errorText = useErrorText()
  const [dialog, setDialog] = useState<'withdraw' | 'move' | null>(null)
  const [isBusy, setBusy] = useState(false)
  const n = articles.length

  /** Names the step (提交, 移动) and each article it could not do, with the server's reason. */
  function report(action: MessageKey, outcome: BulkOutcome) {
    const name = t(action)
    const failed = outcome.failures.length
    const show = failed > 0 ? modal.warning : modal.success
    show({
      title:
        failed > 0
          ? t('bulk.someFailed', { action: name, done: outcome.done, failed })
          : t('bulk.allDone', { action: name, n: outcome.done }),
      content:
        failed > 0 ? (
          <>
            <p>{t('bulk.failures')}</p>
            <ul className="bulk-failures">
              {outcome.failures.map(({ article, reason }) => (
                <li key={article.id}>{t('bulk.failure', { title: article.title, reason })}</li>
              ))}
            </ul>
          </>
        ) : null,
      okText: t('confirm'),
    })
    onDone()
  }

  async function run(action: MessageKey, step: (article: Article) => Promise<unknown>) {
    setBusy(true)
    try {
      report(action, await runBulk(articles, step, errorText))
    } finally {
      setBusy(false)
      setDialog(null)
    }
  }

  function confirmThen(kind: Confirmed) {
    const { title, text, run: step } = STEPS[kind]
    modal.confirm({
      title: t(title, { n }),
      content:
        kind === 'delete' ? (
          <>
            <p>{t(text)}</p>
            <LinkedFromList articleIds={articles.map((article) => article.id)} />
          </>
        ) : (
          t(text)
        ),
      okText: t(`bulk.${kind}`),
      cancelText: t('cancel'),
      okButtonProps: { danger: kind === 'delete' },
      onOk: () => run(`bulk.${kind}`, step),
    })
  }

  // A step is offered when the server allows it for at least one selected article.
  const mayAny = (action: string) => articles.some((article) => article.allowedActions.includes(action))

  return (
    <div className="bulk-bar">
      <Space wrap role="group" aria-label={t('bulk.actions')}>
        <span aria-live="polite">{t('bulk.selected', { n })}</span>
        {mayAny('submit') && <Button onClick={() => confirmThen('submit')}>{t('bulk.submit')}</Button>}
        {mayAny('publish') && <Button onClick={() => confirmThen('publish')}>{t('bulk.publish')}</Button>}
        {mayAny('withdraw') && <Button onClick={() => setDialog('withdraw')}>{t('bulk.withdraw')}</Button>}
        {mayAny('edit') && <Button onClick={() => setDialog('move')}>{t('bulk.move')}</Button>}
        {mayAny('delete') && (
          <Button danger onClick={() => confirmThen('delete')}>
            {t('bulk.delete')}
          </Button>
        )}
        <Button type="link" onClick={onClear}>
          {t('bulk.clear')}
        </Button>
      </Space>
      <ReasonDialog
        isOpen={dialog === 'withdraw'}
        extra={<LinkedFromList articleIds={articles.map((article) => article.id)} />}
        title={t('bulk.withdrawTitle', { n })}
        label={t('bulk.withdrawReason', { n })}
        requiredMessage={t('bulk.withdrawReasonRequired')}
        okText={t('bulk.withdraw')}
        isBusy={isBusy}
        maxLength={500}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) =>
          run('bulk.withdraw', (article) => api('POST', `/api/articles/${article.id}/withdraw`, { reason }))
        }
      />
      {dialog === 'move' && (
        <BulkMoveDialog
          count={n}
          columns={columns}
          isBusy={isBusy}
          onCancel={() => setDialog(null)}
          onSubmit={(columnId) =>
            run('columns.move', (article) =>
              api('PATCH', `/api/articles/${article.id}`, { baseRevision: article.revision, columnId }),
            )
          }
        />
      )}
    </div>
  )
}
