import { Slice } from '@tiptap/pm/model'
import type { EditorView } from '@tiptap/pm/view'
import { type Editor, EditorContent, useEditor } from '@tiptap/react'
import { App, Checkbox } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useI18n } from '../i18n.tsx'
import { bodyExtensions } from './body-extensions.ts'
import { BodyToolbar } from './body-toolbar.tsx'
import { cleanPastedHtml } from './clean-pasted-html.ts'
import { DocxImportError, importDocx } from './import-docx.ts'
import { LinkDialog } from './link-dialog.tsx'
import { pickFiles } from './pick-files.ts'
import { hideStyles, revealStyles } from './style-attributes.ts'
import type { Attachment } from './types.ts'
import { PICTURE_TYPES, uploadFile } from './upload-file.ts'
import { uploadInlineImages } from './upload-inline-images.ts'
import { type MarkedWord, markWords } from './wording-highlight.ts'

/** The body as the server stores it: styles as text; without the empty paragraph tiptap keeps last for the caret. */
function bodyOf(editor: Editor): string {
  return revealStyles(editor.getHTML()).replace(/(?:<p><\/p>)+$/, '')
}

export interface BodyEditorProps {
  readonly siteId: number
  readonly isReadOnly: boolean
  /** The stored body; read when the editor mounts (give it a new key to load another). */
  readonly value?: string
  /** Wording hits to mark in the text (from the server's check). */
  readonly markedWords?: readonly MarkedWord[]
  onChange?(html: string): void
  /** A picture put in was scaled down and its full-size original kept: for the attachments. */
  onOriginalKept?(original: Attachment): void
}

const DOCX_TYPES = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const isPicture = (file: File) => PICTURE_TYPES.split(',').includes(file.type)

/**
 * The article body: tiptap with Word's formatting, pictures uploaded to the site (button,
 * paste, drop), Word markup cleaned on paste and .docx files imported. Emits the body as the
 * server stores it (styles as text, see style-attributes.ts).
 */
export function BodyEditor(props: BodyEditorProps) {
  const { siteId, isReadOnly, value, markedWords, onChange, onOriginalKept } = props
  const { t } = useI18n()
  const { message } = App.useApp()
  const [isLinkOpen, setLinkOpen] = useState(false)
  const [keepsOriginals, setKeepsOriginals] = useState(false)
  // The editor is made once; what its handlers call must be current.
  const initial = useRef({ stored: '', shown: '' })
  const latest = useRef({ t, message, onChange, siteId, keepsOriginals, onOriginalKept })
  latest.current = { t, message, onChange, siteId, keepsOriginals, onOriginalKept }

  const storePicture = async (bytes: Blob, name: string) =>
    (await uploadFile(latest.current.siteId, bytes, name)).url

  const reportDropped = (count: number) => {
    if (count > 0) latest.current.message.warning(latest.current.t('editor.picturesDropped', { n: count }))
  }

  /** Uploads pictures and puts them in at `at` (the caret by default), one after another. */
  async function insertPictures(view: EditorView, files: readonly File[], at?: number) {
    const { t: translate, message: toast } = latest.current
    const key = 'picture-upload'
    toast.open({ key, type: 'loading', content: translate('editor.uploading'), duration: 0 })
    let position = at ?? view.state.selection.from
    try {
      for (const file of files) {
        const { keepsOriginals: keepsOriginal, onOriginalKept: keep } = latest.current
        const uploaded = await uploadFile(latest.current.siteId, file, file.name, { keepsOriginal })
        // The answer also gives the original's pixel size, which an article's attachment does not
        // take (the save would be refused): only the attachment's own fields are kept.
        if (uploaded.original) {
          const { name, url, size, mimeType } = uploaded.original
          keep?.({ name, url, size, mimeType })
        }
        const url = uploaded.url
        const node = view.state.schema.nodes.image?.create({
          src: url,
          alt: file.name.replace(/\.[^.]+$/, ''),
        })
        if (!node) continue
        view.dispatch(view.state.tr.insert(Math.min(position, view.state.doc.content.size), node))
        position += node.nodeSize
      }
      toast.open({ key, type: 'success', content: translate('editor.uploaded'), duration: 2 })
    } catch (error) {
      toast.open({ key, type: 'error', content: (error as Error).message, duration: 5 })
    }
  }

  /** Pasted markup with inline (data:) pictures: stored on the site first, then put in. */
  async function pasteWithInlinePictures(html: string) {
    const cleaned = cleanPastedHtml(html)
    const uploaded = await uploadInlineImages(cleaned.html, storePicture)
    reportDropped(cleaned.droppedImages + uploaded.droppedImages)
    editor?.chain().focus().insertContent(uploaded.html).run()
  }

  const extensions = useMemo(() => bodyExtensions({ imagePlaceholder: t('editor.imagePlaceholder') }), [t])
  const editor = useEditor(
    {
      extensions,
      content: hideStyles(value ?? ''),
      editable: !isReadOnly,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.body'),
          class: 'body-editor-content',
        },
        transformPastedHTML(html) {
          const cleaned = cleanPastedHtml(html)
          reportDropped(cleaned.droppedImages)
          return cleaned.html
        },
        transformPasted(slice, view) {
          // Pasted into an empty paragraph, the first pasted paragraph would merge into it and
          // lose its alignment and indent (ProseMirror keeps the target's); it replaces it instead.
          const isEmptyTarget =
            view.state.selection.empty && view.state.selection.$from.parent.content.size === 0
          return isEmptyTarget && slice.openStart > 0 && slice.content.firstChild?.isTextblock
            ? new Slice(slice.content, 0, slice.openEnd)
            : slice
        },
        handlePaste(view, event) {
          const data = event.clipboardData
          if (!data) return false
          const html = data.getData('text/html')
          const pictures = [...data.files].filter(isPicture)
          // A copied picture comes as a file (and maybe an <img> of it), with no text beside it.
          if (pictures.length > 0 && !data.getData('text/plain').trim()) {
            void insertPictures(view, pictures)
            return true
          }
          if (/<img[^>]+src\s*=\s*["']?data:/i.test(html)) {
            void pasteWithInlinePictures(html)
            return true
          }
          return false
        },
        handleDrop(view, event, _slice, isMoved) {
          const pictures = [...(event.dataTransfer?.files ?? [])].filter(isPicture)
          if (isMoved || pictures.length === 0) return false
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
          void insertPictures(view, pictures, at)
          return true
        },
      },
      onCreate: ({ editor: current }) => {
        initial.current = { stored: value ?? '', shown: bodyOf(current) }
      },
      onUpdate: ({ editor: current }) => {
        // Unchanged content is given back as it was stored: tiptap writes the same body in its
        // own way, which must not count as a change.
        const html = bodyOf(current)
        latest.current.onChange?.(html === initial.current.shown ? initial.current.stored : html)
      },
    },
    [extensions],
  )

  useEffect(() => {
    if (editor && editor.isEditable === isReadOnly) editor.setEditable(!isReadOnly, false)
  }, [editor, isReadOnly])

  useEffect(() => {
    if (editor) markWords(editor, markedWords ?? [])
  }, [editor, markedWords])

  async function importWord(file: File) {
    const key = 'docx-import'
    message.open({ key, type: 'loading', content: t('editor.importing'), duration: 0 })
    try {
      const imported = await importDocx(file, storePicture)
      editor?.chain().focus().insertContent(imported.html).run()
      message.open({ key, type: 'success', content: t('editor.imported'), duration: 2 })
      reportDropped(imported.droppedImages)
    } catch (error) {
      message.open({
        key,
        type: 'error',
        content: t('editor.importFailed', {
          reason: t(`editor.importNotDocx.${error instanceof DocxImportError ? error.reason : 'broken'}`),
        }),
      })
    }
  }

  if (!editor) return null
  return (
    <div className={isReadOnly ? 'body-editor is-read-only' : 'body-editor'}>
      <BodyToolbar
        editor={editor}
        isDisabled={isReadOnly}
        onPickImages={async () => {
          const files = await pickFiles({ accept: PICTURE_TYPES, isMultiple: true })
          if (files.length > 0) void insertPictures(editor.view, files)
        }}
        onImportDocx={async () => {
          const [file] = await pickFiles({ accept: DOCX_TYPES })
          if (file) void importWord(file)
        }}
        onEditLink={() => setLinkOpen(true)}
      />
      <EditorContent editor={editor} />
      <Checkbox
        className="keep-originals"
        checked={keepsOriginals}
        disabled={isReadOnly}
        onChange={(event) => setKeepsOriginals(event.target.checked)}
      >
        {t('editor.keepOriginals')}
      </Checkbox>
      <LinkDialog
        isOpen={isLinkOpen}
        href={editor.getAttributes('link').href ?? ''}
        onClose={() => setLinkOpen(false)}
        onApply={(href) => {
          setLinkOpen(false)
          const chain = editor.chain().focus().extendMarkRange('link')
          if (href) chain.setLink({ href }).run()
          else chain.unsetLink().run()
        }}
      />
    </div>
  )
}
