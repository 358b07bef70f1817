import { useQuery } from '@tanstack/react-query'
import { Alert, App, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { SubmissionTarget } from './types.ts'

/** 报送 one article to a column another site has opened to this one, with an optional note. */
export default function SubmitDialog({
  siteId,
  article,
  onClose,
}: {
  readonly siteId: number
  readonly article: { readonly id: number; readonly title: string }
  onClose(): void
}) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const found = useQuery<SubmissionTarget[]>({ queryKey: [`/api/sites/${siteId}/submission-targets`] })
  const targets = found.data ?? null
  const [columnId, setColumnId] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const [submitError, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const error = submitError ?? found.error

  async function submit() {
    if (columnId === null) return
    setBusy(true)
    try {
      await api('POST', '/api/submissions', { articleId: article.id, columnId, note })
      message.success(t('sub.submitted'))
      onClose()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={t('sub.submitTitle', { title: article.title })}
      okText={t('sub.submit')}
      okButtonProps={{ disabled: columnId === null, loading: busy }}
      onOk={submit}
      onCancel={onClose}
    >
      {targets !== null && targets.length === 0 ? (
        <Alert type="info" showIcon title={t('sub.noTargets')} />
      ) : null}
      <label htmlFor="submit-target">{t('sub.target')}</label>
      <Select
        id="submit-target"
        className="submit-target"
        style={{ width: '100%' }}
        placeholder={t('sub.targetPlaceholder')}
        value={columnId ?? undefined}
        onChange={(value: number) => setColumnId(value)}
        options={(targets ?? []).map((target) => ({
          value: target.columnId,
          label: `${target.siteName} / ${target.columnName}`,
        }))}
      />
      <label htmlFor="submit-note">{t('sub.note')}</label>
      <Input.TextArea
        id="submit-note"
        value={note}
        placeholder={t('sub.notePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
        rows={3}
        maxLength={500}
      />
      <ErrorAlert error={error} />
    </Modal>
  )
}
