import { Form, Modal } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { BannerPicker } from './banner-picker.tsx'

export interface TopicBannerModalProps {
  readonly siteId: number
  readonly topic: { readonly id: number; readonly name: string }
  onSaved(): void
  onClose(): void
}

/** 更换横幅: a new banner for a 专题 (PATCH /api/topics/{id}); its pages are republished. */
export function TopicBannerModal({ siteId, topic, onSaved, onClose }: TopicBannerModalProps) {
  const { t } = useI18n()
  const [banner, setBanner] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [isSaving, setSaving] = useState(false)

  async function save() {
    if (banner === null) return
    setError(null)
    setSaving(true)
    try {
      await api('PATCH', `/api/topics/${topic.id}`, { banner })
      onSaved()
    } catch (caught) {
      setError(caught)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('topics.bannerOf', { name: topic.name })}
      okText={t('columns.save')}
      cancelText={t('cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: banner === null }}
      onOk={save}
      onCancel={onClose}
    >
      <ErrorAlert error={error} />
      <Form layout="vertical">
        <Form.Item label={t('topics.banner')} extra={t('topics.bannerHelp')}>
          <BannerPicker siteId={siteId} onUploaded={setBanner} onError={setError} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
