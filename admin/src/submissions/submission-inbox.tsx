import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Input, Modal, Space, Switch } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import type { Site } from '../types.ts'
import { SubmissionTable } from './submission-table.tsx'
import type { Submission } from './types.ts'

/** 待处理报送: what units sent to the columns the user edits, with 采用, 退回 and 忽略. */
export function SubmissionInbox({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [actionError, setError] = useState<unknown>(null)
  const [onlyPending, setOnlyPending] = useState(true)
  const [returning, setReturning] = useState<Submission | null>(null)
  const [reason, setReason] = useState('')

  const found = useQuery<Submission[]>({
    queryKey: [`/api/sites/${site.id}/submissions/inbox`, ...(onlyPending ? [{ status: 'pending' }] : [])],
  })
  const items = found.data ?? []
  const error = actionError ?? found.error
  // A decision changes this list and the adoption report; an adoption adds an article to a column.
  const load = () => {
    void client.invalidateQueries({ queryKey: [`/api/sites/${site.id}/submissions/inbox`] })
    void client.invalidateQueries({ queryKey: [`/api/sites/${site.id}/adoption-report`] })
    void client.invalidateQueries({ queryKey: ['/api/articles'] })
  }

  async function act(item: Submission, step: 'adopt' | 'adoptToReview' | 'ignore' | 'return') {
    try {
      if (step === 'ignore') {
        await api('POST', `/api/submissions/${item.id}/ignore`)
        message.success(t('sub.ignored'))
      } else if (step === 'return') {
        await api('POST', `/api/submissions/${item.id}/return`, { reason })
        setReturning(null)
        setReason('')
        message.success(t('sub.returned'))
      } else {
        await api('POST', `/api/submissions/${item.id}/adopt`, { submitForReview: step === 'adoptToReview' })
        message.success(t('sub.adopted', { column: item.targetColumnName }))
      }
      setError(null)
    } catch (caught) {
      setError(caught)
    } finally {
      // 采用并送审 may adopt and then be refused review (错敏词): the list shows what happened.
      load()
    }
  }

  return (
    <section aria-label={t('sub.inbox')}>
      <Space className="list-toolbar">
        <Switch checked={onlyPending} onChange={setOnlyPending} aria-label={t('sub.onlyPending')} />
        <span>{t('sub.onlyPending')}</span>
      </Space>
      <ErrorAlert error={error} />
      <SubmissionTable
        site={site}
        items={items}
        loading={found.isFetching}
        side="inbox"
        actions={(item) =>
          item.status === 'pending' ? (
            <Space wrap size="small">
              <Button type="primary" size="small" onClick={() => act(item, 'adopt')}>
                {t('sub.adopt')}
              </Button>
              <Button size="small" onClick={() => act(item, 'adoptToReview')}>
                {t('sub.adoptToReview')}
              </Button>
              <Button size="small" danger onClick={() => setReturning(item)}>
                {t('sub.return')}
              </Button>
              <Button size="small" onClick={() => act(item, 'ignore')}>
                {t('sub.ignore')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Modal
        open={returning !== null}
        title={t('sub.returnTitle')}
        okText={t('sub.return')}
        onOk={() => returning && act(returning, 'return')}
        onCancel={() => setReturning(null)}
      >
        <label htmlFor="return-reason">{t('sub.returnReason')}</label>
        <Input.TextArea
          id="return-reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          rows={3}
          maxLength={500}
        />
      </Modal>
    </section>
  )
}
