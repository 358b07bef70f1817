import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Card, ConfigProvider, Descriptions, Input, Select, Space, Switch, Table, Tag } from 'antd'
import { useCallback, useState } from 'react'
import { api } from '../api.ts'
import type { Case, Mailbox, PersonalData } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import '../sections/sections.css'
import type { Site } from '../types.ts'
import { CaseReasonDialog } from './case-reason-dialog.tsx'

const URGENCY_COLOURS: Record<string, string> = { overdue: 'red', 'due-soon': 'orange', paused: 'blue' }
const DISCLOSURE_ANSWERS = ['disclose', 'partial', 'withhold', 'not_exist', 'not_ours', 'duplicate']

/** 政民互动's inbox: the cases the user may see, with deadlines, and one case to work on. */
export function Inbox({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const client = useQueryClient()
  const [isOverdueOnly, setOverdueOnly] = useState(false)
  const [openId, setOpenId] = useState<number | null>(null)
  const found = useQuery<Case[]>({
    queryKey: ['/api/cases', { site: String(site.id), ...(isOverdueOnly ? { overdue: 'true' } : {}) }],
  })
  const boxes = useQuery<Mailbox[]>({ queryKey: [`/api/sites/${site.id}/mailboxes`] })
  const cases = found.data ?? null
  const mailboxes = boxes.data ?? []
  const error = found.error ?? boxes.error
  // After a step on a case: every list of cases (and the dashboard's due cases) is read again.
  const load = useCallback(() => void client.invalidateQueries({ queryKey: ['/api/cases'] }), [client])

  const open = (cases ?? []).find((item) => item.id === openId)
  const due = (item: Case) =>
    item.deadline.state === 'running' ? item.deadline.dueDay : t('pausedDays', { n: item.deadline.daysLeft })

  return (
    <PlainButtons>
      <section aria-labelledby="inbox-title" className="section-page">
        <h2 id="inbox-title" className="section-title">
          {t('inboxOf', { site: site.name })}
        </h2>
        <Space wrap>
          <Switch id="overdue-only" checked={isOverdueOnly} onChange={setOverdueOnly} />
          <label htmlFor="overdue-only">{t('onlyOverdue')}</label>
          {/* Downloads through the browser: the session cookie goes along, the server audits the export. */}
          <a href={`/api/sites/${site.id}/cases/export`} download>
            {t('exportCases')}
          </a>
          <a href={`/api/sites/${site.id}/cases/export?personal=true`} download>
            {t('exportWithPersonal')}
          </a>
        </Space>
        <ErrorAlert error={error} />
        <Table<Case>
          rowKey="id"
          size="small"
          loading={cases === null && !error}
          dataSource={[...(cases ?? [])]}
          locale={{ emptyText: t('noCases') }}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: 'ID', dataIndex: 'id' },
            {
              title: t('caseSubject'),
              dataIndex: 'subject',
              render: (subject: string, item) => (
                <Button type="link" onClick={() => setOpenId(item.id)}>
                  {subject}
                </Button>
              ),
            },
            {
              title: t('caseStatus'),
              dataIndex: 'status',
              render: (status: string) => t(`status.${status}` as MessageKey),
            },
            { title: t('caseReceived'), dataIndex: 'receivedDay' },
            {
              title: t('caseDue'),
              key: 'due',
              render: (_, item) => (
                <Space>
                  {due(item)}
                  {item.urgency && item.urgency !== 'on-time' ? (
                    <Tag color={URGENCY_COLOURS[item.urgency]}>
                      {t(`urgency.${item.urgency}` as MessageKey)}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {open ? (
          // antd's default label grey (45% black) misses WCAG AA contrast on white.
          <ConfigProvider theme={{ components: { Descriptions: { labelColor: 'rgba(0, 0, 0, 0.68)' } } }}>
            <CaseCard
              key={open.id}
              item={open}
              isDisclosure={mailboxes.find((box) => box.id === open.mailboxId)?.kind === 'disclosure'}
              onChanged={load}
            />
          </ConfigProvider>
        ) : null}
      </section>
    </PlainButtons>
  )
}

function CaseCard({
  item,
  isDisclosure,
  onChanged,
}: {
  readonly item: Case
  readonly isDisclosure: boolean
  onChanged(): void
}) {
  const { t } = useI18n()
  const [text, setText] = useState(item.reply ?? '')
  const [answerType, setAnswerType] = useState(isDisclosure ? 'disclose' : 'reply')
  const [reason, setReason] = useState('')
  const [personal, setPersonal] = useState<PersonalData | null>(null)
  const [isAskingDuplicates, setAskingDuplicates] = useState(false)
  const duplicatesAnswer = useQuery<Case[]>({
    queryKey: [`/api/cases/${item.id}/duplicates`],
    enabled: isAskingDuplicates,
  })
  const duplicates = isAskingDuplicates ? (duplicatesAnswer.data ?? null) : null
  const [asking, setAsking] = useState<'correction' | 'extension' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const awaitsApplicant = item.status === 'awaiting_applicant'
  const act = (method: string, path: string, body?: unknown) =>
    api(method, `/api/cases/${item.id}${path}`, body ?? {}).then(() => {
      setError(null)
      onChanged()
    }, setError)

  return (
    <Card title={`#${item.id} ${item.subject}`} className="section-card" aria-label={item.subject}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('caseCode')}>{item.queryCode}</Descriptions.Item>
        <Descriptions.Item label={t('caseSender')}>{item.nameMasked}</Descriptions.Item>
        <Descriptions.Item label={t('caseContent')}>
          <span className="case-text">{item.content}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('caseDepartment')}>{item.department ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('caseReply')}>
          {t(`reply.${item.replyState}` as MessageKey)}
        </Descriptions.Item>
      </Descriptions>
      {personal ? (
        <Descriptions column={2} size="small" bordered>
          <Descriptions.Item label={t('personalName')}>{personal.name ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('personalPhone')}>{personal.phone ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('personalEmail')}>{personal.email ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('personalId')}>{personal.idNumber ?? ''}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Button
          // Read on request and kept out of the query cache: each look at personal data is audited.
          onClick={() =>
            api<PersonalData>('GET', `/api/cases/${item.id}/personal`).then(setPersonal, setError)
          }
        >
          {t('showPersonal')}
        </Button>
      )}
      <ErrorAlert error={error ?? duplicatesAnswer.error} />
      <Space wrap style={{ marginTop: 12 }}>
        <Button
          onClick={() => (isAskingDuplicates ? void duplicatesAnswer.refetch() : setAskingDuplicates(true))}
        >
          {t('findDuplicates')}
        </Button>
        {item.status === 'answered' && item.mayPublish ? (
          <Button onClick={() => act('POST', '/answer/public', { isShown: !item.showsAnswer })}>
            {t(item.showsAnswer ? 'hideAnswer' : 'showAnswer')}
          </Button>
        ) : null}
      </Space>
      {duplicates ? (
        duplicates.length === 0 ? (
          <p>{t('noDuplicates')}</p>
        ) : (
          <ul>
            {duplicates.map((other) => (
              <li key={other.id}>
                #{other.id} {other.subject} ({other.receivedDay}){' '}
                <Button size="small" onClick={() => act('POST', '/merge', { intoId: other.id })}>
                  {t('mergeInto')}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {item.status === 'answered' || item.status === 'invalid' ? (
        <p className="case-text">{item.reply}</p>
      ) : (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          {isDisclosure ? (
            <Select
              aria-label={t('answerType')}
              value={answerType}
              onChange={setAnswerType}
              options={DISCLOSURE_ANSWERS.map((type) => ({
                value: type,
                label: t(`answer.${type}` as MessageKey),
              }))}
            />
          ) : null}
          <Input.TextArea
            aria-label={t('caseReply')}
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Input
            aria-label={t('answerReason')}
            placeholder={t('answerReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Space wrap>
            <Button onClick={() => act('PUT', '/reply', { answerType, text, ...(reason ? { reason } : {}) })}>
              {t('saveDraft')}
            </Button>
            <Button type="primary" onClick={() => act('POST', '/reply/submit')}>
              {t('submitReply')}
            </Button>
            <Button onClick={() => act('POST', '/reply/approve', { level: item.replyStage + 1 })}>
              {t('approveReply')}
            </Button>
            <Button onClick={() => act('POST', '/reply/reject', { comment: reason || t('rejectReply') })}>
              {t('rejectReply')}
            </Button>
            <Button danger onClick={() => act('POST', '/invalid', { reason: reason || '' })}>
              {t('markInvalid')}
            </Button>
          </Space>
          {isDisclosure ? (
            // 依申请公开 only: 补正 stops the clock until the applicant answers; one extension of 20
            // working days. A button that cannot apply now is disabled, with the reason as its title.
            <Space wrap>
              <Button
                disabled={awaitsApplicant}
                title={awaitsApplicant ? t('correctionAwaited') : undefined}
                onClick={() => setAsking('correction')}
              >
                {t('requestCorrection')}
              </Button>
              <Button
                disabled={!awaitsApplicant}
                title={awaitsApplicant ? undefined : t('correctionNotAwaited')}
                onClick={() => act('POST', '/correction/received')}
              >
                {t('correctionReceived')}
              </Button>
              <Button
                disabled={item.extensionDays > 0}
                title={item.extensionDays > 0 ? t('extendedAlready') : undefined}
                onClick={() => setAsking('extension')}
              >
                {t('extendDeadline')}
              </Button>
            </Space>
          ) : null}
          {asking ? (
            <CaseReasonDialog
              title={t(asking === 'correction' ? 'requestCorrection' : 'extendDeadline')}
              label={t(asking === 'correction' ? 'correctionWhat' : 'extensionReason')}
              okText={t(asking === 'correction' ? 'sendCorrection' : 'sendExtension')}
              onSend={(why) =>
                act('POST', asking === 'correction' ? '/correction' : '/extension', { reason: why })
              }
              onClose={() => setAsking(null)}
            />
          ) : null}
        </Space>
      )}
    </Card>
  )
}
