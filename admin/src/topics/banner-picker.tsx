import { Button, Space, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { PICTURE_TYPES, uploadFile } from '../editor/upload-file.ts'
import { useI18n } from '../i18n.tsx'

export interface BannerPickerProps {
  readonly siteId: number
  /** Told of the uploaded picture's address (`/uploads/…`). */
  onUploaded(url: string): void
  onError(error: unknown): void
}

/** Uploads a banner picture into the site and shows it; the browser's own file button stays hidden. */
export function BannerPicker({ siteId, onUploaded, onError }: BannerPickerProps) {
  const { t } = useI18n()
  const fileInput = useRef<HTMLInputElement>(null)
  const [isBusy, setBusy] = useState(false)
  const [chosen, setChosen] = useState<{ name: string; preview: string } | null>(null)

  useEffect(() => () => (chosen ? URL.revokeObjectURL(chosen.preview) : undefined), [chosen])

  async function choose(file: File | undefined) {
    if (!file) return
    setBusy(true)
    try {
      const uploaded = await uploadFile(siteId, file, file.name)
      setChosen({ name: uploaded.name, preview: URL.createObjectURL(file) })
      onUploaded(uploaded.url)
    } catch (caught) {
      onError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space direction="vertical">
      <input
        ref={fileInput}
        type="file"
        accept={PICTURE_TYPES}
        className="topic-banner-input"
        tabIndex={-1}
        aria-hidden
        aria-label={t('topics.banner')}
        onChange={(event) => choose(event.target.files?.[0])}
      />
      <Button onClick={() => fileInput.current?.click()} loading={isBusy}>
        {t('topics.chooseBanner')}
      </Button>
      {chosen && (
        <>
          <Typography.Text type="secondary">
            {t('topics.bannerUploaded', { name: chosen.name })}
          </Typography.Text>
          <img className="topic-banner-preview" src={chosen.preview} alt={t('topics.bannerPreview')} />
        </>
      )}
    </Space>
  )
}
