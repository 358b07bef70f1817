import { Button, Modal } from 'antd'
import { useI18n } from '../i18n.tsx'
import { bodyText } from './body-text.ts'
import type { EditorValues } from './editor-values.ts'
import type { FullArticle } from './types.ts'
import { formatZonedMinute } from './zoned-minute.ts'

export interface Conflict {
  /** What this editor holds, unsaved. */
  readonly mine: EditorValues
  /** The article as someone else saved it meanwhile. */
  readonly latest: FullArticle
}

interface ConflictDialogProps {
  readonly conflict: Conflict | null
  readonly zone: string
  readonly isBusy: boolean
  onKeepMine(): void
  onTakeTheirs(): void
  onCancel(): void
}

/**
 * Someone saved the article while this editor had it open (409 VERSION_CONFLICT). Both
 * versions side by side; nothing is lost whichever is chosen: "take theirs" keeps this
 * version as a local draft to restore.
 */
export function ConflictDialog({
  conflict,
  zone,
  isBusy,
  onKeepMine,
  onTakeTheirs,
  onCancel,
}: ConflictDialogProps) {
  const { t } = useI18n()
  if (!conflict) return null
  const { mine, latest } = conflict
  const version = (heading: string, note: string, title: string, body: string, id: string) => (
    <section className="conflict-version" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <p className="muted">{note}</p>
      <h4 className="conflict-title">{title || t('editor.untitled')}</h4>
      <div className="conflict-body">
        {bodyText(body).map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text shown once, never reordered
          <p key={index} className="conflict-line">
            {line}
          </p>
        ))}
      </div>
    </section>
  )
  return (
    <Modal
      open
      width={960}
      title={t('editor.conflictTitle')}
      onCancel={onCancel}
      footer={[
        <Button key="cancel" onClick={onCancel}>
          {t('editor.keepEditing')}
        </Button>,
        <Button key="theirs" onClick={onTakeTheirs} disabled={isBusy}>
          {t('editor.takeTheirs')}
        </Button>,
        <Button key="mine" type="primary" onClick={onKeepMine} loading={isBusy}>
          {t('editor.keepMine')}
        </Button>,
      ]}
    >
      <p>{t('editor.conflictExplained', { name: latest.updatedBy })}</p>
      <div className="conflict-versions">
        {version(t('editor.myVersion'), t('editor.unsaved'), mine.title, mine.bodyHtml, 'conflict-mine')}
        {version(
          t('editor.latestVersion'),
          t('editor.savedBy', {
            revision: latest.revision,
            name: latest.updatedBy,
            time: formatZonedMinute(latest.updatedAt, zone),
          }),
          latest.title,
          latest.bodyHtml,
          'conflict-latest',
        )}
      </div>
    </Modal>
  )
}
