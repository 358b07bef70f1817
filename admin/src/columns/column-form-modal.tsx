import { useQuery } from '@tanstack/react-query'
import { Checkbox, Form, Input, InputNumber, Modal, Select, Spin } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { showFieldError } from '../sections/field-error.ts'
import type { ColumnNode } from '../types.ts'
import { COLUMN_KINDS, type ColumnDetails } from './column-details.ts'
import { ColumnTreeSelect, TOP_LEVEL } from './column-tree-select.tsx'
import { NameAndSlugFields } from './name-and-slug-fields.tsx'

interface ColumnValues {
  name: string
  slug: string
  kind: ColumnDetails['kind']
  linkUrl?: string
  parentId: number
  reviewLevels: number
  updateType: ColumnDetails['updateType']
  pageSize: number
  includesDescendants: boolean
}

const FIELDS = [
  'name',
  'slug',
  'kind',
  'linkUrl',
  'parentId',
  'reviewLevels',
  'updateType',
  'pageSize',
  'includesDescendants',
]
const EDITED = [
  'name',
  'slug',
  'kind',
  'reviewLevels',
  'updateType',
  'pageSize',
  'includesDescendants',
] as const

const UPDATE_TYPES = ['news', 'notice', 'policy', 'other'] as const

export interface ColumnFormModalProps {
  readonly siteId: number
  readonly columns: readonly ColumnNode[]
  /** The column to change; none to create one under `parentId`. */
  readonly columnId?: number
  readonly parentId?: number | null
  onSaved(column: ColumnDetails): void
  onClose(): void
}

/** Creates a column, or changes one (sending only what changed); moving has its own dialog. */
export function ColumnFormModal({
  siteId,
  columns,
  columnId,
  parentId,
  onSaved,
  onClose,
}: ColumnFormModalProps) {
  const { t } = useI18n()
  const [form] = Form.useForm<ColumnValues>()
  const found = useQuery<ColumnDetails>({
    queryKey: [`/api/columns/${columnId}`],
    enabled: columnId !== undefined,
  })
  const column = columnId === undefined ? null : (found.data ?? null)
  const [saveError, setError] = useState<unknown>(null)
  const error = saveError ?? found.error
  const [isSaving, setSaving] = useState(false)
  const kind = Form.useWatch('kind', form)
  const isEditing = columnId !== undefined

  async function submit(values: ColumnValues) {
    setError(null)
    setSaving(true)
    try {
      const linkUrl = values.kind === 'link' ? (values.linkUrl ?? '') : null
      if (column) {
        const changed: Record<string, unknown> = {}
        for (const field of EDITED) if (values[field] !== column[field]) changed[field] = values[field]
        if (linkUrl !== column.linkUrl) changed.linkUrl = linkUrl
        onSaved(await api<ColumnDetails>('PATCH', `/api/columns/${column.id}`, changed))
      } else {
        const { parentId: parent, linkUrl: _linkUrl, ...rest } = values
        const body = { ...rest, siteId, parentId: parent === TOP_LEVEL ? null : parent, linkUrl }
        onSaved(await api<ColumnDetails>('POST', '/api/columns', body))
      }
    } catch (caught) {
      if (!showFieldError(form, caught, FIELDS)) setError(caught)
    } finally {
      setSaving(false)
    }
  }

  const initial: ColumnValues = column
    ? { ...column, linkUrl: column.linkUrl ?? '', parentId: column.parentId ?? TOP_LEVEL }
    : {
        name: '',
        slug: '',
        kind: 'list',
        linkUrl: '',
        parentId: parentId ?? TOP_LEVEL,
        reviewLevels: 0,
        updateType: 'other',
        pageSize: 20,
        includesDescendants: false,
      }
  const isLoading = isEditing && !column
  return (
    <Modal
      open
      title={column ? t('columns.editOf', { name: column.name }) : t('columns.new')}
      okText={isEditing ? t('columns.save') : t('columns.create')}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: isLoading }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      {isLoading ? (
        <Spin />
      ) : (
        <Form<ColumnValues>
          form={form}
          name={isEditing ? `column-${columnId}` : 'create-column'}
          layout="vertical"
          requiredMark={false}
          initialValues={initial}
          onFinish={submit}
        >
          <NameAndSlugFields nameLabel="columns.name" slugLabel="columns.slug" />
          <Form.Item name="kind" label={t('columns.kind')}>
            <Select
              options={[...COLUMN_KINDS, ...(column?.kind === 'topic' ? (['topic'] as const) : [])].map(
                (value) => ({
                  value,
                  label: t(`columns.kind.${value}` as MessageKey),
                }),
              )}
            />
          </Form.Item>
          {kind === 'link' && (
            <Form.Item name="linkUrl" label={t('columns.linkUrl')} rules={[{ required: true, type: 'url' }]}>
              <Input autoComplete="off" placeholder="https://" />
            </Form.Item>
          )}
          <Form.Item
            name="parentId"
            label={t('columns.parent')}
            {...(isEditing ? { extra: t('columns.parentHelp') } : {})}
          >
            <ColumnTreeSelect columns={columns} offersTopLevel disabled={isEditing} />
          </Form.Item>
          <Form.Item
            name="reviewLevels"
            label={t('columns.reviewLevels')}
            extra={t('columns.reviewLevelsHelp')}
          >
            <Select
              options={[0, 1, 2, 3].map((value) => ({
                value,
                label: t(`columns.review.${value}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="updateType" label={t('columns.updateType')} extra={t('columns.updateTypeHelp')}>
            <Select
              options={UPDATE_TYPES.map((value) => ({
                value,
                label: t(`columns.updateType.${value}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="pageSize" label={t('columns.pageSize')} rules={[{ required: true }]}>
            <InputNumber<number> min={1} max={200} precision={0} />
          </Form.Item>
          <Form.Item name="includesDescendants" valuePropName="checked">
            <Checkbox>{t('columns.includesDescendants')}</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
