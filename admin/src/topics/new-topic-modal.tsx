import { useQuery } from '@tanstack/react-query'
import { Form, Modal, Radio, Spin } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import type { Topic, TopicStarterList } from '../api-types.gen.ts'
import { ColumnTreeSelect, TOP_LEVEL } from '../columns/column-tree-select.tsx'
import { NameAndSlugFields } from '../columns/name-and-slug-fields.tsx'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { showFieldError } from '../sections/field-error.ts'
import type { ColumnNode } from '../types.ts'
import { BannerPicker } from './banner-picker.tsx'

/** A topic as POST /api/topics answers. */
export type CreatedTopic = Topic
interface TopicValues {
  starter: string
  name: string
  slug: string
  parentId: number
}

const FIELDS = ['starter', 'name', 'slug', 'parentId', 'banner']

export interface NewTopicModalProps {
  readonly siteId: number
  readonly columns: readonly ColumnNode[]
  readonly parentId: number | null
  onCreated(topic: CreatedTopic): void
  onClose(): void
}

/** 新建专题: a starter, a name, a URL name, where it sits, and its banner picture. */
export function NewTopicModal({ siteId, columns, parentId, onCreated, onClose }: NewTopicModalProps) {
  const { t, language } = useI18n()
  const [form] = Form.useForm<TopicValues>()
  const found = useQuery<TopicStarterList>({ queryKey: ['/api/topic-starters'] })
  const starters = found.data?.items ?? []
  const [banner, setBanner] = useState<string | null>(null)
  const [submitError, setError] = useState<unknown>(null)
  const error = submitError ?? found.error
  const [isBusy, setBusy] = useState(false)
  const starterId = Form.useWatch('starter', form)
  const chosen = starters.find((starter) => starter.id === starterId)

  async function submit(values: TopicValues) {
    setError(null)
    setBusy(true)
    try {
      const body = {
        siteId,
        starter: values.starter,
        name: values.name,
        slug: values.slug,
        parentId: values.parentId === TOP_LEVEL ? null : values.parentId,
        banner,
      }
      onCreated(await api<CreatedTopic>('POST', '/api/topics', body))
    } catch (caught) {
      if (!showFieldError(form, caught, FIELDS)) setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open
      title={t('topics.new')}
      okText={t('topics.create')}
      cancelText={t('cancel')}
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      {/* The form waits for the starters, so the first one is chosen from the start. */}
      {found.isPending ? (
        <Spin />
      ) : (
        <Form<TopicValues>
          form={form}
          name="create-topic"
          layout="vertical"
          requiredMark={false}
          initialValues={{ starter: starters[0]?.id, name: '', slug: '', parentId: parentId ?? TOP_LEVEL }}
          onFinish={submit}
        >
          <Form.Item
            name="starter"
            label={t('topics.starter')}
            rules={[{ required: true }]}
            {...(chosen
              ? { extra: t('topics.starterColumns', { names: chosen.columns.map((c) => c.name).join('、') }) }
              : {})}
          >
            <Radio.Group
              options={starters.map((starter) => ({ value: starter.id, label: starter.label[language] }))}
            />
          </Form.Item>
          <NameAndSlugFields nameLabel="topics.name" slugLabel="topics.slug" />
          <Form.Item name="parentId" label={t('topics.parent')}>
            <ColumnTreeSelect columns={columns} offersTopLevel />
          </Form.Item>
          <Form.Item label={t('topics.banner')} extra={t('topics.bannerHelp')}>
            <BannerPicker siteId={siteId} onUploaded={setBanner} onError={setError} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
