import { useQuery } from '@tanstack/react-query'
import { Button, Checkbox, Input, InputNumber, Select, Space } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { Questionnaire, QuestionnaireResults as Results } from '../api-types.gen.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'

type Question = Questionnaire['questions'][number]
type QuestionType = Question['type']

interface Draft {
  text: string
  type: QuestionType
  required: boolean
  /** The options as typed, one a line. */
  options: string
}

const toDraft = (q: Question): Draft => ({ ...q, options: q.options.join('\n') })

/**
 * The questionnaire (调查) of a consultation: edited here until the first response arrives,
 * the server checks it (two options at least for a choice, lengths) and says what is wrong.
 */
export function QuestionnaireEditor({
  consultationId,
  questionnaire,
  isFixed,
  onSaved,
}: {
  readonly consultationId: number
  readonly questionnaire: Questionnaire | null
  readonly isFixed: boolean
  onSaved(): void
}) {
  const { t } = useI18n()
  const [drafts, setDrafts] = useState<Draft[]>(questionnaire?.questions.map(toDraft) ?? [])
  const [takesOpinion, setTakesOpinion] = useState(questionnaire?.takesOpinion ?? true)
  const [error, setError] = useState<unknown>(null)
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)))
  const save = () =>
    api('PUT', `/api/consultations/${consultationId}/questionnaire`, {
      questionnaire:
        drafts.length === 0
          ? null
          : {
              takesOpinion,
              questions: drafts.map((draft) => ({
                text: draft.text,
                type: draft.type,
                required: draft.required,
                options:
                  draft.type === 'text'
                    ? []
                    : draft.options
                        .split('\n')
                        .map((line) => line.trim())
                        .filter(Boolean),
              })),
            },
    }).then(() => {
      setError(null)
      onSaved()
    }, setError)
  return (
    <section aria-labelledby={`questionnaire-${consultationId}`}>
      <h3 id={`questionnaire-${consultationId}`}>{t('questionnaire')}</h3>
      {isFixed ? <p>{t('questionnaireFixed')}</p> : null}
      <ol className="questionnaire-editor">
        {drafts.map((draft, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id before they are saved.
          <li key={index}>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input
                aria-label={`${t('questionText')} ${index + 1}`}
                value={draft.text}
                disabled={isFixed}
                onChange={(e) => change(index, { text: e.target.value })}
              />
              <Space wrap>
                <Select<QuestionType>
                  aria-label={`${t('questionType')} ${index + 1}`}
                  value={draft.type}
                  disabled={isFixed}
                  onChange={(type) => change(index, { type })}
                  options={(['single', 'multiple', 'text'] as const).map((type) => ({
                    value: type,
                    label: t(`questionType.${type}` as MessageKey),
                  }))}
                />
                <Checkbox
                  checked={draft.required}
                  disabled={isFixed}
                  onChange={(e) => change(index, { required: e.target.checked })}
                >
                  {t('questionRequired')}
                </Checkbox>
                <Button disabled={isFixed} onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}>
                  {t('removeQuestion')}
                </Button>
              </Space>
              {draft.type === 'text' ? null : (
                <Input.TextArea
                  aria-label={`${t('questionOptions')} ${index + 1}`}
                  rows={3}
                  value={draft.options}
                  disabled={isFixed}
                  onChange={(e) => change(index, { options: e.target.value })}
                />
              )}
            </Space>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button
          disabled={isFixed}
          onClick={() => setDrafts([...drafts, { text: '', type: 'single', required: false, options: '' }])}
        >
          {t('addQuestion')}
        </Button>
        <Checkbox
          checked={takesOpinion}
          disabled={isFixed}
          onChange={(e) => setTakesOpinion(e.target.checked)}
        >
          {t('takesOpinion')}
        </Checkbox>
        <Button type="primary" disabled={isFixed} onClick={save}>
          {t('saveQuestionnaire')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
    </section>
  )
}

/**
 * The answers counted per question: a bar per option drawn with CSS, its count and share
 * written next to it as text (the bar is decoration, the numbers are what a screen reader reads).
 */
export function QuestionnaireResults({ consultationId }: { readonly consultationId: number }) {
  const { t } = useI18n()
  const found = useQuery<Results>({ queryKey: [`/api/consultations/${consultationId}/results`] })
  const results = found.data ?? null
  const error = found.error
  return (
    <section aria-labelledby={`results-${consultationId}`}>
      <h3 id={`results-${consultationId}`}>{t('questionnaireResults')}</h3>
      <ErrorAlert error={error} />
      {results ? (
        <>
          <p>{t('questionnaireResponses', { count: results.responses })}</p>
          <a href={`/api/consultations/${consultationId}/responses.csv`} download>
            {t('exportResponses')}
          </a>{' '}
          <a href={`/api/consultations/${consultationId}/responses.csv?personal=true`} download>
            {t('exportWithPersonal')}
          </a>
          <ol className="questionnaire-results">
            {results.questions.map((question, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a question is its place in the questionnaire.
              <li key={index}>
                <p>
                  <strong>{question.text}</strong> ({t(`questionType.${question.type}` as MessageKey)},{' '}
                  {t('answeredCount', { count: question.answered })})
                </p>
                {question.type === 'text' ? (
                  <ul>
                    {question.texts.map((text, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the same text may come twice.
                      <li key={i} className="case-text">
                        {text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <table className="result-bars">
                    <tbody>
                      {question.options.map((option) => {
                        const share = question.answered === 0 ? 0 : option.count / question.answered
                        return (
                          <tr key={option.text}>
                            <th scope="row">{option.text}</th>
                            <td className="result-bar-cell">
                              <span
                                className="result-bar"
                                aria-hidden="true"
                                style={{ width: `${Math.round(share * 100)}%` }}
                              />
                            </td>
                            <td>
                              {option.count} ({Math.round(share * 100)}%)
                            </td>
                          </tr>
                        )
                      })}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}

/** Links a published article as the 结果反馈 of an ended consultation. */
export function FeedbackLink({
  consultationId,
  articleId,
  onSaved,
}: {
  readonly consultationId: number
  readonly articleId: number | null
  onSaved(): void
}) {
  const { t } = useI18n()
  const [value, setValue] = useState<number | null>(articleId)
  const [error, setError] = useState<unknown>(null)
  return (
    <section aria-labelledby={`feedback-${consultationId}`}>
      <h3 id={`feedback-${consultationId}`}>{t('feedbackArticle')}</h3>
      <Space wrap>
        <label htmlFor={`feedback-article-${consultationId}`}>{t('feedbackArticleId')}</label>
        <InputNumber
          id={`feedback-article-${consultationId}`}
          min={1}
          value={value}
          onChange={(next) => setValue(typeof next === 'number' ? next : null)}
        />
        <Button
          onClick={() =>
            api('PUT', `/api/consultations/${consultationId}/feedback`, { articleId: value }).then(() => {
              setError(null)
              onSaved()
            }, setError)
          }
        >
          {t('linkFeedback')}
        </Button>
      </Space>
      <ErrorAlert error={error} />
    </section>
  )
}
