import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Checkbox, Space, Spin, Tag } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import { ErrorAlert } from '../sections/error-alert.tsx'
import { useConfirm } from '../sections/use-confirm.tsx'
import type { SessionView, Site } from '../types.ts'
import { CodeEditor, type CodeEditorHandle } from './code-editor.tsx'
import { postForHtml } from './post-for-html.ts'
import { type SourceError, sourceError } from './source-error.ts'
import { TemplatePreview } from './template-preview.tsx'
import type { TemplateDetail } from './template-types.ts'

export interface TemplateEditorCardProps {
  readonly site: Site
  readonly session: SessionView
  readonly name: string
  /** Site administrators save, preview and restore (a preview runs the template); everyone else reads. */
  readonly canSave: boolean
  /** The site's version changed (saved or restored): the list's marks are stale. */
  onChanged(): void
  onDirtyChange(isDirty: boolean): void
}

type Busy = 'save' | 'preview' | 'revert' | null

/** One template: its source to edit, save, preview or restore, and the theme's version beside. */
export function TemplateEditorCard({
  site,
  session,
  name,
  canSave,
  onChanged,
  onDirtyChange,
}: TemplateEditorCardProps) {
  const { t, language } = useI18n()
  const { message } = App.useApp()
  const confirm = useConfirm()
  const editor = useRef<CodeEditorHandle>(null)
  const client = useQueryClient()
  const [busy, setBusy] = useState<Busy>(null)
  const [actionError, setError] = useState<unknown>(null)
  const [foundError, setFoundError] = useState<SourceError | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [showsDefault, setShowsDefault] = useState(false)
  const path = `/api/sites/${site.id}/templates/${encodeURIComponent(name)}`
  const found = useQuery<TemplateDetail>({ queryKey: [path] })
  const detail = found.data ?? null
  const error = actionError ?? found.error
  /** The source as typed; null while it is the saved one. */
  const [typed, setTyped] = useState<string | null>(null)
  const draft = typed ?? detail?.source ?? ''
  const setDraft = (source: string) => setTyped(source)
  const isDirty = detail !== null && draft !== detail.source
  /** What was saved or restored becomes the template as read, and the typing is dropped. */
  const setDetail = (next: TemplateDetail) => {
    client.setQueryData([path], next)
    setTyped(null)
  }
  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange])

  // Closing or reloading the tab asks first while there are unsaved changes.
  useEffect(() => {
    if (!isDirty) return
    const ask = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', ask)
    return () => window.removeEventListener('beforeunload', ask)
  }, [isDirty])

  function fail(caught: unknown) {
    const found = sourceError(caught)
    if (!found) return setError(caught)
    setFoundError(found)
    // After the render that marks the line, so the caret lands in the editor as it is now.
    if (found.line !== null) {
      const { line, column } = found
      requestAnimationFrame(() => editor.current?.goTo(line, column))
    }
  }

  async function act(kind: Exclude<Busy, null>, run: () => Promise<void>) {
    if (busy) return
    setBusy(kind)
    setError(null)
    setFoundError(null)
    try {
      await run()
    } catch (caught) {
      fail(caught)
    } finally {
      setBusy(null)
    }
  }

  const save = () =>
    canSave && detail && isDirty
      ? act('save', async () => {
          const source = draft
          await api('PUT', path, { source })
          setDetail({ ...detail, source, isCustomized: true })
          message.success(t('templateSaved'))
          onChanged()
        })
      : undefined

  const showPreview = () =>
    act('preview', async () => {
      setPreview(
        await postForHtml(`${path}/preview`, { source: draft }, { csrfToken: session.csrfToken, language }),
      )
    })

  const revert = () =>
    confirm({
      title: t('templateRevertTitle', { name }),
      content: t('templateRevertContent'),
      okText: t('templateRevert'),
      onOk: () =>
        act('revert', async () => {
          await api('DELETE', path)
          setTyped(null)
          await client.invalidateQueries({ queryKey: [path] })
          message.success(t('templateReverted'))
          onChanged()
        }),
    })

  if (!detail) return error ? <ErrorAlert error={error} /> : <Spin />

  return (
    <>
      <Card
        className="section-card"
        title={
          <Space>
            <h3 className="card-title template-name">{name}</h3>
            {detail.isCustomized ? <Tag color="blue">{t('templateCustomized')}</Tag> : null}
            {isDirty ? <Tag color="orange">{t('templateUnsaved')}</Tag> : null}
          </Space>
        }
      >
        {canSave ? null : (
          <Alert type="info" showIcon title={t('templateReadOnly')} className="section-alert" />
        )}
        <Space className="template-toolbar" wrap>
          {canSave ? (
            <Button type="primary" onClick={save} disabled={!isDirty} loading={busy === 'save'}>
              {t('templateSave')}
            </Button>
          ) : null}
          {canSave ? (
            <Button onClick={showPreview} loading={busy === 'preview'}>
              {t('templatePreview')}
            </Button>
          ) : null}
          {canSave && detail.isCustomized ? (
            <Button danger onClick={revert} loading={busy === 'revert'}>
              {t('templateRevert')}
            </Button>
          ) : null}
          <Checkbox checked={showsDefault} onChange={(event) => setShowsDefault(event.target.checked)}>
            {t('templateShowDefault')}
          </Checkbox>
        </Space>
        <ErrorAlert error={error} />
        {foundError ? (
          <Alert
            id="template-error"
            type="error"
            showIcon
            className="section-alert"
            title={foundError.message}
            action={
              foundError.line !== null ? (
                <Button
                  size="small"
                  onClick={() => editor.current?.goTo(foundError.line ?? 1, foundError.column)}
                >
                  {t('templateGoToLine', { line: foundError.line })}
                </Button>
              ) : null
            }
          />
        ) : null}
        <div className="template-label">{t('templateSource', { name })}</div>
        <CodeEditor
          label={t('templateSource', { name })}
          ref={editor}
          value={draft}
          onChange={setDraft}
          isReadOnly={!canSave}
          onSave={save}
          errorLine={foundError?.line ?? null}
          describedBy={foundError ? 'template-error template-keys' : 'template-keys'}
        />
        <p id="template-keys" className="template-hint">
          {t('templateEditorKeys')}
        </p>
        {showsDefault ? (
          <>
            <div className="template-label">{t('templateDefaultSource', { name })}</div>
            <CodeEditor
              label={t('templateDefaultSource', { name })}
              value={detail.defaultSource}
              isReadOnly
            />
          </>
        ) : null}
      </Card>
      {preview !== null ? <TemplatePreview name={name} html={preview} /> : null}
    </>
  )
}
