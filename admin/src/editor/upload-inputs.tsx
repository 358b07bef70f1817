import { DeleteOutlined, PaperClipOutlined, PictureOutlined } from '@ant-design/icons'
import { App, Button, Space } from 'antd'
import { useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { FilePickButton } from './file-pick-button.tsx'
import { previewOf } from './local-previews.ts'
import type { Attachment } from './types.ts'
import { PICTURE_TYPES, uploadFile } from './upload-file.ts'

interface ControlProps<T> {
  readonly siteId: number
  readonly id?: string
  readonly disabled?: boolean
  readonly value?: T
  onChange?(value: T): void
}

/** The cover picture (题图): uploaded to the site, shown while this session holds its bytes. */
export function CoverImageInput({ siteId, id, disabled, value, onChange }: ControlProps<string | null>) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [isUploading, setUploading] = useState(false)
  const preview = previewOf(value)

  async function upload([file]: File[]) {
    if (!file) return
    setUploading(true)
    try {
      onChange?.((await uploadFile(siteId, file, file.name)).url)
    } catch (error) {
      message.error((error as Error).message)
    } finally {
      setUploading(false)
    }
  }

  return (
    <div className="cover-input">
      {value ? (
        preview ? (
          <img src={preview} alt={t('editor.coverPreview')} className="cover-preview" />
        ) : (
          <span className="file-path">{value}</span>
        )
      ) : (
        <span className="muted">{t('editor.noCover')}</span>
      )}
      <Space wrap>
        <FilePickButton
          id={id}
          accept={PICTURE_TYPES}
          isDisabled={disabled || isUploading}
          icon={<PictureOutlined />}
          onFiles={upload}
        >
          {isUploading ? t('editor.uploading') : value ? t('editor.replaceCover') : t('editor.uploadCover')}
        </FilePickButton>
        {value ? (
          <Button disabled={disabled} onClick={() => onChange?.(null)}>
            {t('editor.removeCover')}
          </Button>
        ) : null}
      </Space>
    </div>
  )
}

function readableSize(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Attachments (附件): PDF, Word, Excel… uploaded to the site, listed with name and size. */
export function AttachmentsInput({
  siteId,
  id,
  disabled,
  value = [],
  onChange,
}: ControlProps<readonly Attachment[]>) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const [isUploading, setUploading] = useState(false)

  async function upload(files: File[]) {
    setUploading(true)
    const added: Attachment[] = []
    try {
      for (const file of files) {
        const stored = await uploadFile(siteId, file, file.name)
        added.push({ name: stored.name, url: stored.url, size: stored.size, mimeType: stored.mimeType })
      }
    } catch (error) {
      message.error((error as Error).message)
    } finally {
      // Files are stored by content: the same file twice is one attachment.
      const isNew = (attachment: Attachment) => !value.some((present) => present.url === attachment.url)
      const fresh = added.filter(
        (attachment, at) =>
          isNew(attachment) && added.findIndex((other) => other.url === attachment.url) === at,
      )
      if (fresh.length > 0) onChange?.([...value, ...fresh])
      setUploading(false)
    }
  }

  return (
    <div className="attachments-input">
      {value.length > 0 ? (
        <ul className="attachment-list">
          {value.map((attachment, index) => (
            <li key={attachment.url}>
              <PaperClipOutlined aria-hidden />
              <span className="attachment-name">{attachment.name}</span>
              <span className="muted">{readableSize(attachment.size)}</span>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={disabled}
                aria-label={t('editor.removeAttachment', { name: attachment.name })}
                onClick={() => onChange?.(value.filter((_, at) => at !== index))}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <FilePickButton id={id} isMultiple isDisabled={disabled || isUploading} onFiles={upload}>
        {isUploading ? t('editor.uploading') : t('editor.addAttachments')}
      </FilePickButton>
    </div>
  )
}
