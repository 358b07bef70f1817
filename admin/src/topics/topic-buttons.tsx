import { App, Button } from 'antd'
import { lazy, Suspense, useState } from 'react'
import { useI18n } from '../i18n.tsx'
import type { ColumnNode } from '../types.ts'
import './topics.css'

const NewTopicModal = lazy(() => import('./new-topic-modal.tsx').then((m) => ({ default: m.NewTopicModal })))
const TopicBannerModal = lazy(() =>
  import('./topic-banner-modal.tsx').then((m) => ({ default: m.TopicBannerModal })),
)

export interface TopicBannerButtonProps {
  readonly siteId: number
  /** The column selected in the tree: the button works on a 专题 only. */
  readonly column: { readonly id: number; readonly name: string; readonly kind: string } | null
}

/** 更换横幅 in the column toolbar, for the 专题 selected in the tree. */
export function TopicBannerButton({ siteId, column }: TopicBannerButtonProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [isOpen, setOpen] = useState(false)
  return (
    <>
      <Button size="small" disabled={column?.kind !== 'topic'} onClick={() => setOpen(true)}>
        {t('topics.changeBanner')}
      </Button>
      {isOpen && column && (
        <Suspense fallback={null}>
          <TopicBannerModal
            siteId={siteId}
            topic={column}
            onSaved={() => {
              setOpen(false)
              message.success(t('topics.bannerSaved'))
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}

export interface NewTopicButtonProps {
  readonly siteId: number
  readonly columns: readonly ColumnNode[]
  readonly parentId: number | null
  onCreated(topicId: number): void
}

/** 新建专题 in the column toolbar: the dialog is loaded when first opened. */
export function NewTopicButton({ siteId, columns, parentId, onCreated }: NewTopicButtonProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [isOpen, setOpen] = useState(false)
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('topics.new')}
      </Button>
      {isOpen && (
        <Suspense fallback={null}>
          <NewTopicModal
            siteId={siteId}
            columns={columns}
            parentId={parentId}
            onCreated={(topic) => {
              setOpen(false)
              message.success(t('topics.created', { name: topic.name, count: topic.subColumns.length }))
              onCreated(topic.id)
            }}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}
