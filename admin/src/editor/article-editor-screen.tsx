import {
  ArrowLeftOutlined,
  CopyOutlined,
  EyeOutlined,
  GlobalOutlined,
  HistoryOutlined,
  SaveOutlined,
} from '@ant-design/icons'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Form, Result, Space, Spin } from 'antd'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiFailure, api } from '../api.ts'
import { columnTreeKey } from '../columns/use-column-tree.ts'
import { useI18n } from '../i18n.tsx'
import type { ArticleEditorProps } from '../pages/article-editor.tsx'
import { ArticleForm } from './article-form.tsx'
import { columnPath } from './column-lookup.ts'
import { type Conflict, ConflictDialog } from './conflict-dialog.tsx'
import { CopyDialog } from './copy-dialog.tsx'
import { DraftOffer } from './draft-offer.tsx'
import { clearDraft, readDraft, type StoredDraft, writeDraft } from './draft-storage.ts'
import { changedFields, type EditorValues, inputOf, newValues, valuesOf } from './editor-values.ts'
import { RevisionsDrawer } from './revisions-drawer.tsx'
import { StatusLine } from './status-line.tsx'
import type { EditorColumn, FullArticle } from './types.ts'
import { useLeaveGuard } from './use-leave-guard.ts'
import { useWordingCheck, type WithWordingHits, WordingPanel } from './wording-panel.tsx'
import { WorkflowActions } from './workflow-actions.tsx'
import './editor.css'

const AUTOSAVE_MS = 5000
const FORM_FIELDS = [
  'columnId',
  'alsoInColumnIds',
  'weight',
  'pinnedUntil',
  'title',
  'subtitle',
  'source',
  'author',
  'publishAt',
  'summary',
  'keywords',
].concat(['coverImage', 'attachments', 'bodyHtml'])

/** The form field a server error names (`title`, `customFields.x`, `keywords.2`), if the form has it. */
function fieldNameOf(field: string): string[] | null {
  const [first = '', second] = field.split('.')
  if ((first === 'customFields' || first === 'disclosure') && second) return [first, second]
  return FORM_FIELDS.includes(first) ? [first] : null
}

/** The values the form was filled with, and a key that changes whenever they are loaded anew. */
interface Loaded {
  readonly values: EditorValues
  readonly key: number
}

/** The article editor (issue 5): fields, body, autosave, conflicts, workflow and revisions. */
export function ArticleEditorScreen({
  site,
  articleId,
  columnId,
  session,
  onClose,
  onCreated,
}: ArticleEditorProps) {
  const { t } = useI18n()
  const client = useQueryClient()
  const { message } = App.useApp()
  const [form] = Form.useForm<EditorValues>()
  const zone = site.timeZone
  const [id, setId] = useState(articleId)
  const [article, setArticle] = useState<FullArticle | null>(null)
  const columnTree = useQuery({
    queryKey: columnTreeKey(site.id),
    select: (answer: { roots: EditorColumn[] }): readonly EditorColumn[] => answer.roots,
  })
  const columns = columnTree.data ?? null
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [articleError, setLoadError] = useState<string | null>(null)
  const loadError = articleError ?? columnTree.error?.message ?? null
  /** What the server holds as far as this editor knows, and the revision saves are made on. */
  const [baseline, setBaseline] = useState<EditorValues>(() => newValues(columnId))
  const [baseRevision, setBaseRevision] = useState<number | null>(null)
  const [isDirty, setDirty] = useState(false)
  const [isSaving, setSaving] = useState(false)
  const wording = useWordingCheck(site.id, () => current())
  const [conflict, setConflict] = useState<Conflict | null>(null)
  const [draftOffer, setDraftOffer] = useState<StoredDraft | null>(null)
  const [isRevisionsOpen, setRevisionsOpen] = useState(false)
  const [isCopyOpen, setCopyOpen] = useState(false)
  const chosenColumnId = Form.useWatch('columnId', form) as number | null | undefined

  const place = useMemo(
    () => ({ userId: session.user.id, siteId: site.id, articleId: id }),
    [session, site, id],
  )
  const current = () => form.getFieldsValue(true) as EditorValues
  const hasChanges = useCallback(
    (values: EditorValues) => Object.keys(changedFields(values, baseline)).length > 0,
    [baseline],
  )

  /** Shows `values` anew (every field replaced, the body editor remade), with `known` as what the server holds. */
  const show = useCallback(
    (values: EditorValues, known: EditorValues) => {
      // setFields replaces each field whole (setFieldsValue would merge nested custom fields),
      // and also takes effect before the form's first mount.
      form.setFields(
        Object.entries(values).map(([name, value]) => ({ name: name as never, value, errors: [] })),
      )
      setLoaded((previous) => ({ values, key: (previous?.key ?? 0) + 1 }))
      setBaseline(known)
    },
    [form],
  )

  const showArticle = useCallback(
    (next: FullArticle) => {
      const values = valuesOf(next, zone)
      setArticle(next)
      setBaseRevision(next.revision)
      show(values, values)
      setDirty(false)
    },
    [show, zone],
  )

  useLeaveGuard(isDirty)
  // A new article's first save gives it a URL; after this render, so leaving is not asked about.
  const isAnnounced = useRef(false)
  useEffect(() => {
    if (articleId !== null || id === null || isAnnounced.current) return
    isAnnounced.current = true
    onCreated(id)
  }, [articleId, id, onCreated])

  // The article is read once, when the editor opens; a draft left in this browser is offered.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately only on opening
  useEffect(() => {
    const offer = (known: EditorValues) => {
      const draft = readDraft(place)
      if (draft && Object.keys(changedFields(draft.values, known)).length > 0) setDraftOffer(draft)
    }
    if (articleId === null) {
      const values = newValues(columnId)
      show(values, values)
      offer(values)
      return
    }
    api<FullArticle>('GET', `/api/articles/${articleId}`)
      .then((found) => {
        showArticle(found)
        offer(valuesOf(found, zone))
      })
      .catch((error: Error) => setLoadError(error.message))
  }, [])

  // Autosave: unsaved changes wait in localStorage, so a closed tab or a crash loses nothing.
  const autosave = useRef(() => {})
  autosave.current = () => {
    if (!loaded) return
    const values = current()
    if (hasChanges(values)) writeDraft(place, { savedAt: new Date().toISOString(), baseRevision, values })
  }
  useEffect(() => {
    const timer = window.setInterval(() => autosave.current(), AUTOSAVE_MS)
    const onHide = () => autosave.current()
    window.addEventListener('pagehide', onHide)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('pagehide', onHide)
    }
  }, [])

  function showError(error: unknown) {
    const text = (error as Error).message
    const name = error instanceof ApiFailure && error.field ? fieldNameOf(error.field) : null
    if (name) {
      form.setFields([{ name: name as never, errors: [text] }])
      form.scrollToField(name)
    }
    message.error(text)
  }

  /** After a save: what was sent is what the server holds, with others' changes to the other fields. */
  function saved(next: FullArticle & WithWordingHits, sent: EditorValues, fields: readonly string[]) {
    wording.show(next.wordingHits)
    const merged = { ...valuesOf(next, zone) } as Record<string, unknown>
    for (const field of fields) merged[field] = sent[field as keyof EditorValues]
    const values = merged as unknown as EditorValues
    clearDraft(place)
    setArticle(next)
    setBaseRevision(next.revision)
    void client.invalidateQueries({ queryKey: ['/api/articles'] })
    if (Object.keys(changedFields(values, current())).length > 0) show(values, values)
    else setBaseline(values)
    setDirty(false)
  }

  async function save(): Promise<FullArticle | null> {
    try {
      await form.validateFields()
    } catch {
      message.error(t('editor.fixErrors'))
      return null
    }
    const values = current()
    setSaving(true)
    try {
      if (id === null || !article) {
        const input = inputOf(values)
        const created = await api<FullArticle & WithWordingHits>('POST', '/api/articles', input)
        clearDraft(place)
        setId(created.id)
        saved(created, values, Object.keys(input))
        message.success(t('editor.saved'))
        return created
      }
      const changes = changedFields(values, baseline)
      if (Object.keys(changes).length === 0) {
        message.info(t('editor.nothingToSave'))
        return article
      }
      const next = await api<FullArticle & WithWordingHits>('PATCH', `/api/articles/${id}`, {
        ...changes,
        baseRevision,
      })
      saved(next, values, Object.keys(changes))
      message.success(t('editor.saved'))
      return next
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'VERSION_CONFLICT' && id !== null) {
        setConflict({ mine: values, latest: await api<FullArticle>('GET', `/api/articles/${id}`) })
      } else showError(error)
      return null
    } finally {
      setSaving(false)
    }
  }

  /** "Keep mine": my changes saved over the latest revision; fields I did not touch keep theirs. */
  async function keepMine() {
    if (!conflict || id === null) return
    const changes = changedFields(conflict.mine, baseline)
    setSaving(true)
    try {
      const next = await api<FullArticle & WithWordingHits>('PATCH', `/api/articles/${id}`, {
        ...changes,
        baseRevision: conflict.latest.revision,
      })
      setConflict(null)
      saved(next, conflict.mine, Object.keys(changes))
      message.success(t('editor.savedOverLatest', { revision: next.revision }))
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'VERSION_CONFLICT')
        setConflict({ ...conflict, latest: await api<FullArticle>('GET', `/api/articles/${id}`) })
      else showError(error)
    } finally {
      setSaving(false)
    }
  }

  /** "Take theirs": the latest revision is loaded; mine waits as a draft to restore. */
  function takeTheirs() {
    if (!conflict) return
    const draft = { savedAt: new Date().toISOString(), baseRevision, values: conflict.mine }
    writeDraft(place, draft)
    showArticle(conflict.latest)
    setConflict(null)
    setDraftOffer(draft)
  }

  function restoreDraft(draft: StoredDraft) {
    show(draft.values, baseline)
    // A draft made on an older revision is saved on that one, so the conflict dialog shows
    // what changed meanwhile instead of overwriting it unseen.
    if (draft.baseRevision !== null && baseRevision !== null)
      setBaseRevision(Math.min(draft.baseRevision, baseRevision))
    setDraftOffer(null)
    setDirty(true)
  }

  function close() {
    autosave.current()
    onClose()
  }

  if (loadError)
    return <Result status="error" title={loadError} extra={<Button onClick={onClose}>{t('back')}</Button>} />
  if (!loaded || !columns) return <Spin className="editor-loading" />

  const savedPath = columnPath(columns, article?.columnId ?? null)
  const reviewLevels = savedPath[0]?.reviewLevels ?? 0
  const isInReview = article !== null && ['submitted', 'scheduled', 'published'].includes(article.status)
  // The server says whether the user may change the article (rights in its columns, and
  // content in review going out as reviewers saw it).
  const isReadOnly = article !== null && !article.allowedActions.includes('edit')
  const isLocked = isInReview && reviewLevels > 0 && isReadOnly
  const homeColumn = columnPath(columns, chosenColumnId ?? null)[0]

  return (
    <section
      className="article-editor"
      aria-labelledby="editor-title"
      onKeyDown={(event) => {
        // Ctrl+S saves, as in Word.
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault()
          if (!isReadOnly) void save()
        }
      }}
    >
      <div className="editor-header">
        <Button icon={<ArrowLeftOutlined />} onClick={close}>
          {t('back')}
        </Button>
        <h2 id="editor-title" className="section-title">
          {id === null ? t('editor.newArticle') : t('editor.editArticle')}
        </h2>
        {article ? <StatusLine article={article} reviewLevels={reviewLevels} zone={zone} /> : null}
        {isDirty ? <span className="muted">{t('editor.unsavedChanges')}</span> : null}
      </div>
      <Space className="editor-actions" wrap>
        {isReadOnly ? null : (
          <Button type="primary" icon={<SaveOutlined />} loading={isSaving} onClick={() => void save()}>
            {t('editor.save')}
          </Button>
        )}
        <Button onClick={() => void wording.check().catch(showError)}>{t('editor.checkWording')}</Button>
        {article ? (
          <>
            <Button
              icon={<EyeOutlined />}
              href={`/api/articles/${article.id}/preview`}
              target="_blank"
              rel="noopener"
            >
              {t('editor.preview')}
            </Button>
            {article.status === 'published' && article.urlPath ? (
              <Button
                icon={<GlobalOutlined />}
                href={`/api/articles/${article.id}/live`}
                target="_blank"
                rel="noopener"
              >
                {t('editor.livePage')}
              </Button>
            ) : null}
            <Button icon={<HistoryOutlined />} onClick={() => setRevisionsOpen(true)}>
              {t('editor.revisions')}
            </Button>
            <Button icon={<CopyOutlined />} onClick={() => setCopyOpen(true)}>
              {t('editor.copy')}
            </Button>
            <WorkflowActions
              article={article}
              reviewLevels={reviewLevels}
              zone={zone}
              saveFirst={async () => (isReadOnly || !isDirty ? true : (await save()) !== null)}
              onChanged={(next) => {
                void client.invalidateQueries({ queryKey: ['/api/articles'] })
                setArticle(next)
                setBaseRevision(next.revision)
              }}
              onWordingRefused={() => void wording.check().catch(showError)}
            />
          </>
        ) : null}
      </Space>
      {article?.status === 'rejected' && article.reviewComment ? (
        <Alert
          className="editor-alert"
          type="error"
          showIcon
          title={t('editor.rejectedWithComment')}
          description={<p className="review-comment">{article.reviewComment}</p>}
        />
      ) : null}
      <WordingPanel hits={wording.hits} />
      {isLocked ? (
        <Alert className="editor-alert" type="info" showIcon title={t('editor.lockedInReview')} />
      ) : null}
      {draftOffer ? (
        <DraftOffer
          draft={draftOffer}
          zone={zone}
          onRestore={() => restoreDraft(draftOffer)}
          onDiscard={() => {
            clearDraft(place)
            setDraftOffer(null)
          }}
        />
      ) : null}
      <ArticleForm
        form={form}
        initialValues={loaded.values}
        bodyKey={loaded.key}
        isReadOnly={isReadOnly}
        site={site}
        columns={columns}
        homeColumn={homeColumn}
        indexNo={article?.disclosure?.indexNo ?? null}
        markedWords={wording.bodyHits}
        onValuesChange={() => setDirty(hasChanges(current()))}
      />
      <ConflictDialog
        conflict={conflict}
        zone={zone}
        isBusy={isSaving}
        onKeepMine={() => void keepMine()}
        onTakeTheirs={takeTheirs}
        onCancel={() => setConflict(null)}
      />
      {article ? (
        <CopyDialog isOpen={isCopyOpen} article={article} onClose={() => setCopyOpen(false)} />
      ) : null}
      {article ? (
        <RevisionsDrawer
          isOpen={isRevisionsOpen}
          article={article}
          columns={columns}
          zone={zone}
          canRestore={!isReadOnly}
          isDirty={isDirty}
          onClose={() => setRevisionsOpen(false)}
          onRestored={(next) => {
            showArticle(next)
            setRevisionsOpen(false)
          }}
        />
      ) : null}
    </section>
  )
}
