import { Alert, Button, Space } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { StoredDraft } from './draft-storage.ts'
import { formatZonedMinute } from './zoned-minute.ts'

interface DraftOfferProps {
  readonly draft: StoredDraft
  readonly zone: string
  onRestore(): void
  onDiscard(): void
}

/** Offers the unsaved changes this browser kept (autosave, or "take theirs" in a conflict). */
export function DraftOffer({ draft, zone, onRestore, onDiscard }: DraftOfferProps) {
  const { t } = useI18n()
  return (
    <Alert
      className="editor-alert"
      type="warning"
      showIcon
      title={t('editor.draftFound', { time: formatZonedMinute(draft.savedAt, zone) })}
      action={
        <Space>
          <Button size="small" type="primary" onClick={onRestore}>
            {t('editor.restoreDraft')}
          </Button>
          <Button size="small" onClick={onDiscard}>
            {t('editor.discardDraft')}
          </Button>
        </Space>
      }
    />
  )
}
