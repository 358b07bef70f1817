import { Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'

/** A mailbox's settings as the 互动设置 screen shows and edits them. */
export interface EditableMailbox {
  readonly id: number
  readonly name: string
  readonly kind: string
  readonly categories: readonly string[]
  readonly departments: readonly string[]
  readonly deadlineDays: number
  readonly reviewLevels: number
  readonly publishesAnswers: boolean
}

/**
 * Edits an existing mailbox (PATCH /api/mailboxes/:id). Its address (slug) and kind stay: they
 * are in the public form's URL and decide what a case is. A new deadline counts for letters
 * received from now on.
 */
export function MailboxEditDialog({
  mailbox,
  onSaved,
  onClose,
}: {
  readonly mailbox: EditableMailbox
  onSaved(): void
  onClose(): void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(mailbox.name)
  const [categories, setCategories] = useState<string[]>([...mailbox.categories])
  const [departments, setDepartments] = useState<string[]>([...mailbox.departments])
  const [deadlineDays, setDeadlineDays] = useState(mailbox.deadlineDays)
  const [reviewLevels, setReviewLevels] = useState(mailbox.reviewLevels)
  const [publishesAnswers, setPublishesAnswers] = useState(mailbox.publishesAnswers)
  const [error, setError] = useState<unknown>(null)
  const isDisclosure = mailbox.kind === 'disclosure'
  const save = () =>
    api('PATCH', `/api/mailboxes/${mailbox.id}`, {
      name,
      categories,
      departments,
      deadlineDays,
      reviewLevels,
      ...(isDisclosure ? {} : { publishesAnswers }),
    }).then(() => {
      onSaved()
      onClose()
    }, setError)
  return (
    <Modal
      open
      title={t('editMailboxTitle', { name: mailbox.name })}
      okText={t('saveMailbox')}
      cancelText={t('cancel')}
      okButtonProps={{ disabled: !name.trim() }}
      onOk={save}
      onCancel={onClose}
    >
      <div className="mailbox-edit-fields">
        <label htmlFor="edit-mailbox-name">{t('mailboxName')}</label>
        <Input id="edit-mailbox-name" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="edit-mailbox-categories">{t('mailboxCategories')}</label>
        <Select
          id="edit-mailbox-categories"
          mode="tags"
          value={categories}
          onChange={setCategories}
          style={{ width: '100%' }}
        />
        <label htmlFor="edit-mailbox-departments">{t('mailboxDepartments')}</label>
        <Select
          id="edit-mailbox-departments"
          mode="tags"
          value={departments}
          onChange={setDepartments}
          style={{ width: '100%' }}
        />
        <label htmlFor="edit-mailbox-deadline">{t('mailboxDeadline')}</label>
        <InputNumber
          id="edit-mailbox-deadline"
          min={1}
          max={60}
          value={deadlineDays}
          onChange={(value) => setDeadlineDays(value ?? deadlineDays)}
        />
        <label htmlFor="edit-mailbox-levels">{t('mailboxReviewLevels')}</label>
        <InputNumber
          id="edit-mailbox-levels"
          min={0}
          max={3}
          value={reviewLevels}
          onChange={(value) => setReviewLevels(value ?? reviewLevels)}
        />
        <span>
          <Switch
            id="edit-mailbox-publishes"
            checked={publishesAnswers}
            onChange={setPublishesAnswers}
            disabled={isDisclosure}
          />{' '}
          <label htmlFor="edit-mailbox-publishes">{t('mailboxPublishes')}</label>
        </span>
        <p>{t('mailboxDeadlineHint')}</p>
      </div>
      <ErrorAlert error={error} />
    </Modal>
  )
}
