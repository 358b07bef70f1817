import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Card, Input, InputNumber, Select, Space, Switch, Table } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { CalendarDayList, Mailbox, MailboxHandlerList } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import '../sections/sections.css'
import type { Site } from '../types.ts'
import { MailboxEditDialog } from './mailbox-edit-dialog.tsx'

type MailboxView = Mailbox
type HandlerView = MailboxHandlerList[number]
type CalendarDay = CalendarDayList[number]

const KINDS = ['consultation', 'complaint', 'suggestion', 'disclosure'] as const

/** 政民互动's settings: the site's mailboxes, who handles each, and the working-day calendar. */
export function InteractionSettings({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const client = useQueryClient()
  const boxesKey = [`/api/sites/${site.id}/mailboxes`]
  const found = useQuery<MailboxView[]>({ queryKey: boxesKey })
  const mailboxes = found.data ?? null
  const error = found.error
  const [editing, setEditing] = useState<MailboxView | null>(null)
  const load = () => void client.invalidateQueries({ queryKey: boxesKey })

  return (
    <PlainButtons>
      <section aria-labelledby="interaction-settings-title" className="section-page">
        <h2 id="interaction-settings-title" className="section-title">
          {t('interactionSettingsOf', { site: site.name })}
        </h2>
        <ErrorAlert error={error} />
        <Card title={t('mailboxesTitle')} className="section-card">
          <Table<MailboxView>
            rowKey="id"
            size="small"
            loading={mailboxes === null && !error}
            dataSource={[...(mailboxes ?? [])]}
            pagination={false}
            columns={[
              { title: t('mailboxName'), dataIndex: 'name' },
              { title: t('mailboxSlug'), dataIndex: 'slug' },
              {
                title: t('mailboxKind'),
                dataIndex: 'kind',
                render: (kind: string) => t(`kind.${kind}` as MessageKey),
              },
              { title: t('mailboxDeadline'), dataIndex: 'deadlineDays' },
              { title: t('mailboxReviewLevels'), dataIndex: 'reviewLevels' },
              {
                title: t('mailboxPublishes'),
                dataIndex: 'publishesAnswers',
                render: (value: boolean) => (value ? t('yes') : t('no')),
              },
              {
                title: '',
                key: 'edit',
                render: (_, mailbox) => (
                  <Button
                    aria-label={t('editMailboxTitle', { name: mailbox.name })}
                    onClick={() => setEditing(mailbox)}
                  >
                    {t('editMailbox')}
                  </Button>
                ),
              },
            ]}
          />
          {editing ? (
            <MailboxEditDialog
              key={editing.id}
              mailbox={editing}
              onSaved={load}
              onClose={() => setEditing(null)}
            />
          ) : null}
          <NewMailbox site={site} onCreated={load} />
        </Card>
        <Handlers mailboxes={mailboxes ?? []} />
        <WorkCalendar />
      </section>
    </PlainButtons>
  )
}

function NewMailbox({ site, onCreated }: { readonly site: Site; onCreated(): void }) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [slug, setSlug] = useState('')
  const [kind, setKind] = useState<string>('consultation')
  const [reviewLevels, setReviewLevels] = useState(1)
  const [publishesAnswers, setPublishesAnswers] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const create = () =>
    api('POST', `/api/sites/${site.id}/mailboxes`, {
      name,
      slug,
      kind,
      reviewLevels,
      publishesAnswers: kind === 'disclosure' ? false : publishesAnswers,
    }).then(() => {
      setName('')
      setSlug('')
      setError(null)
      onCreated()
    }, setError)
  return (
    <Space wrap style={{ marginTop: 12 }} aria-label={t('newMailbox')}>
      <Input
        aria-label={t('mailboxName')}
        placeholder={t('mailboxName')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <Input
        aria-label={t('mailboxSlug')}
        placeholder="yzxx"
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
      />
      <Select
        aria-label={t('mailboxKind')}
        value={kind}
        onChange={setKind}
        options={KINDS.map((value) => ({ value, label: t(`kind.${value}` as MessageKey) }))}
        style={{ minWidth: 140 }}
      />
      <label htmlFor="new-mailbox-levels">{t('mailboxReviewLevels')}</label>
      <InputNumber
        id="new-mailbox-levels"
        min={0}
        max={3}
        value={reviewLevels}
        onChange={(value) => setReviewLevels(value ?? 0)}
      />
      <Switch
        id="new-mailbox-publishes"
        checked={publishesAnswers}
        onChange={setPublishesAnswers}
        disabled={kind === 'disclosure'}
      />
      <label htmlFor="new-mailbox-publishes">{t('mailboxPublishes')}</label>
      <Button type="primary" onClick={create}>
        {t('newMailbox')}
      </Button>
      <ErrorAlert error={error} />
    </Space>
  )
}

function Handlers({ mailboxes }: { readonly mailboxes: readonly MailboxView[] }) {
  const { t } = useI18n()
  const [mailboxId, setMailboxId] = useState<number | null>(null)
  const client = useQueryClient()
  const [userId, setUserId] = useState<number | null>(null)
  const [level, setLevel] = useState<number | null>(null)
  const [actionError, setError] = useState<unknown>(null)
  const chosen = mailboxId ?? mailboxes[0]?.id ?? null
  const handlersKey = [`/api/mailboxes/${chosen}/handlers`]
  const found = useQuery<HandlerView[]>({ queryKey: handlersKey, enabled: chosen !== null })
  const handlers = found.data ?? []
  const error = actionError ?? found.error
  const load = () => {
    setError(null)
    return client.invalidateQueries({ queryKey: handlersKey })
  }
  const act = (promise: Promise<unknown>) => promise.then(load, setError)
  return (
    <Card title={t('handlersTitle')} className="section-card">
      <Select
        aria-label={t('handlersOf')}
        value={chosen}
        onChange={setMailboxId}
        options={mailboxes.map((box) => ({ value: box.id, label: box.name }))}
        style={{ minWidth: 200 }}
      />
      <ErrorAlert error={error} />
      <Table<HandlerView>
        rowKey="userId"
        size="small"
        dataSource={[...handlers]}
        pagination={false}
        locale={{ emptyText: t('noHandlers') }}
        columns={[
          { title: t('handlerUser'), dataIndex: 'userName' },
          { title: t('handlerName'), dataIndex: 'displayName' },
          {
            title: t('handlerLevel'),
            dataIndex: 'reviewLevel',
            render: (value: number | null) => value ?? t('handlesOnly'),
          },
          {
            title: '',
            key: 'revoke',
            render: (_, handler) => (
              <Button
                danger
                onClick={() => act(api('DELETE', `/api/mailboxes/${chosen}/handlers/${handler.userId}`))}
              >
                {t('revokeHandler')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <label htmlFor="handler-user">{t('handlerUserId')}</label>
        <InputNumber id="handler-user" min={1} value={userId} onChange={setUserId} />
        <label htmlFor="handler-level">{t('handlerLevel')}</label>
        <InputNumber id="handler-level" min={1} max={3} value={level} onChange={setLevel} />
        <Button
          type="primary"
          disabled={chosen === null || userId === null}
          onClick={() =>
            act(api('PUT', `/api/mailboxes/${chosen}/handlers/${userId}`, { reviewLevel: level ?? null }))
          }
        >
          {t('grantHandler')}
        </Button>
      </Space>
    </Card>
  )
}

function WorkCalendar() {
  const { t } = useI18n()
  const [year, setYear] = useState(new Date().getFullYear())
  const client = useQueryClient()
  const found = useQuery<CalendarDay[]>({ queryKey: [`/api/work-calendar/${year}`] })
  /** The days as changed here, for the year they belong to; until then the year's saved days. */
  const [edited, setEdited] = useState<{ year: number; days: readonly CalendarDay[] } | null>(null)
  const days = edited?.year === year ? edited.days : (found.data ?? [])
  const setDays = (next: readonly CalendarDay[]) => setEdited({ year, days: next })
  const [day, setDay] = useState('')
  const [kind, setKind] = useState<'holiday' | 'workday'>('holiday')
  const [note, setNote] = useState('')
  /** The year last saved here: its note shows until another year is chosen. */
  const [savedYear, setSavedYear] = useState<number | null>(null)
  const saved = savedYear === year
  const [saveError, setError] = useState<unknown>(null)
  const error = saveError ?? found.error
  const save = () =>
    api('PUT', `/api/work-calendar/${year}`, { days }).then(() => {
      client.setQueryData([`/api/work-calendar/${year}`], days)
      setSavedYear(year)
      setError(null)
    }, setError)
  return (
    <Card title={t('calendarTitle')} className="section-card">
      <p>{t('calendarHint')}</p>
      <label htmlFor="calendar-year">{t('calendarYear')}</label>{' '}
      <InputNumber
        id="calendar-year"
        min={2000}
        max={2100}
        value={year}
        onChange={(value) => setYear(value ?? year)}
      />
      <Table<CalendarDay>
        rowKey="day"
        size="small"
        dataSource={[...days].sort((a, b) => a.day.localeCompare(b.day))}
        pagination={false}
        locale={{ emptyText: t('calendarEmpty') }}
        columns={[
          { title: t('calendarDay'), dataIndex: 'day' },
          {
            title: t('calendarKind'),
            dataIndex: 'kind',
            render: (value: string) => t(`calendar.${value}` as MessageKey),
          },
          { title: t('calendarNote'), dataIndex: 'note' },
          {
            title: '',
            key: 'remove',
            render: (_, entry) => (
              <Button onClick={() => setDays(days.filter((other) => other.day !== entry.day))}>
                {t('calendarRemove')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        <Input
          aria-label={t('calendarDay')}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        <Select
          aria-label={t('calendarKind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'holiday', label: t('calendar.holiday') },
            { value: 'workday', label: t('calendar.workday') },
          ]}
        />
        <Input
          aria-label={t('calendarNote')}
          placeholder={t('calendarNote')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Button
          disabled={!day.startsWith(`${year}-`)}
          onClick={() => {
            setDays([...days.filter((other) => other.day !== day), { day, kind, note }])
            setDay('')
            setNote('')
          }}
        >
          {t('calendarAdd')}
        </Button>
        <Button type="primary" onClick={save}>
          {t('calendarSave')}
        </Button>
        {saved ? <span role="status">{t('calendarSaved')}</span> : null}
      </Space>
      <ErrorAlert error={error} />
    </Card>
  )
}
