import { Table } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'
import type { Attachment, EditorColumn, RevisionDiff } from './types.ts'
import { formatZonedMinute } from './zoned-minute.ts'

const FIELDS = [
  'columnId',
  'alsoInColumnIds',
  'title',
  'subtitle',
  'source',
  'author',
  'summary',
  'keywords',
  'bodyHtml',
  'coverImage',
  'attachments',
  'customFields',
  'weight',
  'publishAt',
  'externalUrl',
  'disclosure',
]

function columnNames(nodes: readonly EditorColumn[], into = new Map<number, string>()) {
  for (const node of nodes) {
    into.set(node.id, node.name)
    columnNames(node.children, into)
  }
  return into
}

interface DiffViewProps {
  readonly diff: RevisionDiff
  readonly columns: readonly EditorColumn[]
  readonly zone: string
}

/** What changed between two revisions: each changed field with both values, the body's text word by word. */
export function RevisionDiffView({ diff, columns, zone }: DiffViewProps) {
  const { t } = useI18n()
  const names = columnNames(columns)
  const label = (field: string) => (FIELDS.includes(field) ? t(`editor.field.${field}` as MessageKey) : field)

  function shown(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return '—'
    if (field === 'publishAt' && typeof value === 'string') return formatZonedMinute(value, zone)
    if (field === 'columnId') return names.get(Number(value)) ?? String(value)
    if (field === 'alsoInColumnIds' && Array.isArray(value))
      return value.map((id) => names.get(Number(id)) ?? String(id)).join('、') || '—'
    if (field === 'attachments' && Array.isArray(value))
      return (value as Attachment[]).map((attachment) => attachment.name).join('、') || '—'
    if (Array.isArray(value)) return value.join('、') || '—'
    if (typeof value === 'object')
      return (
        Object.entries(value)
          .filter(([, item]) => item !== null && item !== '' && !(Array.isArray(item) && item.length === 0))
          .map(([key, item]) => `${key}: ${Array.isArray(item) ? item.join('、') : String(item)}`)
          .join('；') || '—'
      )
    return String(value)
  }

  const fields = diff.fields.filter((change) => change.field !== 'bodyHtml')
  const isBodyChanged = diff.body.some((part) => part.kind !== 'same')
  if (fields.length === 0 && !isBodyChanged) return <p>{t('editor.noDifferences')}</p>
  return (
    <div className="revision-diff">
      {fields.length > 0 ? (
        <Table
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={fields}
          columns={[
            { title: t('editor.fieldName'), dataIndex: 'field', width: 110, render: label },
            {
              title: t('editor.revisionN', { n: diff.from }),
              dataIndex: 'before',
              render: (value: unknown, change) => shown(change.field, value),
            },
            {
              title: t('editor.revisionN', { n: diff.to }),
              dataIndex: 'after',
              render: (value: unknown, change) => shown(change.field, value),
            },
          ]}
        />
      ) : null}
      {isBodyChanged ? (
        <section aria-labelledby="diff-body-title">
          <h3 id="diff-body-title" className="diff-heading">
            {t('editor.field.bodyHtml')}
          </h3>
          <div className="diff-sides">
            <section className="diff-side" aria-label={t('editor.revisionN', { n: diff.from })}>
              {diff.body.map((part, index) =>
                part.kind === 'added' ? null : part.kind === 'removed' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff, in order, never reordered
                  <del key={index} className="diff-removed">
                    {part.text}
                  </del>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <span key={index}>{part.text}</span>
                ),
              )}
            </section>
            <section className="diff-side" aria-label={t('editor.revisionN', { n: diff.to })}>
              {diff.body.map((part, index) =>
                part.kind === 'removed' ? null : part.kind === 'added' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one diff, in order, never reordered
                  <ins key={index} className="diff-added">
                    {part.text}
                  </ins>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  <span key={index}>{part.text}</span>
                ),
              )}
            </section>
          </div>
        </section>
      ) : null}
    </div>
  )
}
