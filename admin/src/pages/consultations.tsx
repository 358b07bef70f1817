import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Card, Input, Space, Table, Tag } from 'antd'
import { useCallback, useState } from 'react'
import { api } from '../api.ts'
import type { ConsultationList, OpinionList } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import { PlainButtons } from '../sections/plain-buttons.tsx'
import '../sections/sections.css'
import type { Site } from '../types.ts'
import { FeedbackLink, QuestionnaireEditor, QuestionnaireResults } from './consultation-questionnaire.tsx'

type Consultation = ConsultationList[number]

/** 意见征集: open one on a draft, read the opinions, publish the 采纳情况 once it has ended. */
export function Consultations({ site }: { readonly site: Site }) {
  const { t } = useI18n()
  const client = useQueryClient()
  const [openId, setOpenId] = useState<number | null>(null)
  const listKey = `/api/sites/${site.id}/consultations`
  const found = useQuery<ConsultationList>({ queryKey: [listKey] })
  const items = found.data ?? null
  const error = found.error
  const load = useCallback(() => void client.invalidateQueries({ queryKey: [listKey] }), [client, listKey])
  const open = (items ?? []).find((item) => item.id === openId)

  return (
    <PlainButtons>
      <section aria-labelledby="consultations-title" className="section-page">
        <h2 id="consultations-title" className="section-title">
          {t('consultationsOf', { site: site.name })}
        </h2>
        <ErrorAlert error={error} />
        <Table<Consultation>
          rowKey="id"
          size="small"
          loading={items === null && !error}
          dataSource={[...(items ?? [])]}
          locale={{ emptyText: t('noConsultations') }}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('consultationTitle'),
              dataIndex: 'title',
              render: (title: string, item) => (
                <Button size="small" onClick={() => setOpenId(item.id)}>
                  {title}
                </Button>
              ),
            },
            {
              title: t('consultationDays'),
              key: 'days',
              render: (_, item) => `${item.startsDay} – ${item.endsDay}`,
            },
            {
              title: t('consultationState'),
              dataIndex: 'state',
              render: (state: Consultation['state']) => (
                // antd's coloured tags miss AA contrast; the word says it.
                <Tag>{t(`consultation.${state}` as MessageKey)}</Tag>
              ),
            },
            { title: t('consultationOpinions'), dataIndex: 'opinionCount' },
          ]}
        />
        <NewConsultation site={site} onCreated={load} />
        {open ? (
          <ConsultationCard key={open.id} item={open} timeZone={site.timeZone} onChanged={load} />
        ) : null}
      </section>
    </PlainButtons>
  )
}

function NewConsultation({ site, onCreated }: { readonly site: Site; onCreated(): void }) {
  const { t } = useI18n()
  const [title, setTitle] = useState('')
  const [draft, setDraft] = useState('')
  const [startsDay, setStartsDay] = useState('')
  const [endsDay, setEndsDay] = useState('')
  const [error, setError] = useState<unknown>(null)
  const create = () =>
    api('POST', `/api/sites/${site.id}/consultations`, { title, draft, startsDay, endsDay }).then(() => {
      setTitle('')
      setDraft('')
      setError(null)
      onCreated()
    }, setError)
  return (
    <Card title={t('newConsultation')} className="section-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input
          aria-label={t('consultationTitle')}
          placeholder={t('consultationTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Input.TextArea
          aria-label={t('consultationDraft')}
          placeholder={t('consultationDraft')}
          rows={6}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Space wrap>
          <label htmlFor="consultation-starts">{t('consultationStarts')}</label>
          <Input
            id="consultation-starts"
            type="date"
            value={startsDay}
            onChange={(e) => setStartsDay(e.target.value)}
          />
          <label htmlFor="consultation-ends">{t('consultationEnds')}</label>
          <Input
            id="consultation-ends"
            type="date"
            value={endsDay}
            onChange={(e) => setEndsDay(e.target.value)}
          />
          <Button type="primary" onClick={create}>
            {t('newConsultation')}
          </Button>
        </Space>
        <ErrorAlert error={error} />
      </Space>
    </Card>
  )
}

function ConsultationCard({
  item,
  timeZone,
  onChanged,
}: {
  readonly item: Consultation
  readonly timeZone: string
  onChanged(): void
}) {
  const { t } = useI18n()
  const found = useQuery<OpinionList>({ queryKey: [`/api/consultations/${item.id}/opinions`] })
  const opinions = found.data ?? null
  const [summary, setSummary] = useState(item.summary ?? '')
  const [summaryError, setError] = useState<unknown>(null)
  const error = summaryError ?? found.error
  return (
    <Card title={item.title} className="section-card" aria-label={item.title}>
      <p className="case-text">{item.draft}</p>
      <h3>{t('consultationOpinions')}</h3>
      <a href={`/api/consultations/${item.id}/opinions.csv`} download>
        {t('exportCases')}
      </a>
      {opinions === null ? null : opinions.length === 0 ? (
        <p>{t('noOpinions')}</p>
      ) : (
        <ul className="opinion-list">
          {opinions.map((opinion) => (
            <li key={opinion.id}>
              <span className="case-text">{opinion.content}</span> — {opinion.nameMasked},{' '}
              {timeFormatter({ timeZone })(opinion.receivedAt).slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
      <QuestionnaireEditor
        consultationId={item.id}
        questionnaire={item.questionnaire}
        isFixed={item.opinionCount > 0 || item.state === 'closed'}
        onSaved={onChanged}
      />
      {item.questionnaire ? <QuestionnaireResults consultationId={item.id} /> : null}
      <h3>{t('consultationSummary')}</h3>
      <Input.TextArea
        aria-label={t('consultationSummary')}
        rows={4}
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        disabled={item.state !== 'closed'}
      />
      <Button
        type="primary"
        style={{ marginTop: 8 }}
        disabled={item.state !== 'closed'}
        onClick={() =>
          api('PUT', `/api/consultations/${item.id}/summary`, { summary }).then(() => {
            setError(null)
            onChanged()
          }, setError)
        }
      >
        {t('publishSummary')}
      </Button>
      <ErrorAlert error={error} />
      {item.state === 'closed' ? (
        <FeedbackLink consultationId={item.id} articleId={item.feedbackArticleId} onSaved={onChanged} />
      ) : null}
    </Card>
  )
}
