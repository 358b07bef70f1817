import { indentWithTab } from '@codemirror/commands'
import { liquid } from '@codemirror/lang-liquid'
import { Compartment, EditorState, type Extension, Prec } from '@codemirror/state'
import { EditorView, keymap } from '@codemirror/view'
import { basicSetup } from 'codemirror'
import { useEffect, useImperativeHandle, useRef } from 'react'
import type { CodeEditorProps } from './code-editor.tsx'
import { errorLine as errorLineField, setErrorLine } from './error-line.ts'
import { templateHighlighting } from './template-highlighting.ts'

// CodeMirror makes its style elements through document.createElement, which main.tsx gives the
// nonce too; saying it here keeps the editor working without that patch (no 'unsafe-inline').
const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? ''

/** What the props change after the editor is made. */
function settings(label: string, describedBy: string | undefined, isReadOnly: boolean): Extension {
  return [
    EditorState.readOnly.of(isReadOnly), // CodeMirror adds aria-readonly
    EditorView.contentAttributes.of({
      'aria-label': label,
      // Focusable already (contenteditable), but axe counts tabindex: the scrolling region
      // around it then has something to reach it by keyboard (scrollable-region-focusable).
      tabindex: '0',
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    }),
  ]
}

/**
 * CodeMirror with line numbers and Liquid highlighting. Tab indents the line by two spaces and
 * Shift+Tab takes them away; Esc, then Tab (within two seconds) moves on to the next control, so
 * the editor is no keyboard trap (WCAG 2.1.2). Read-only editors still take the focus and the
 * caret, to read and select with the keyboard.
 */
export function CodeMirrorEditor({
  label,
  value,
  onChange,
  isReadOnly = false,
  onSave,
  errorLine = null,
  describedBy,
  ref,
}: CodeEditorProps) {
  const parent = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const configurable = useRef(new Compartment())
  const handlers = useRef({ onChange, onSave })

  useEffect(() => {
    handlers.current = { onChange, onSave }
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: made once; later props arrive in the effects below
  useEffect(() => {
    if (!parent.current) return
    const editor = new EditorView({
      parent: parent.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.high(
            keymap.of([
              {
                key: 'Mod-s',
                preventDefault: true,
                run: () => {
                  handlers.current.onSave?.()
                  return true
                },
              },
              indentWithTab,
            ]),
          ),
          basicSetup,
          liquid(),
          templateHighlighting,
          errorLineField,
          EditorView.cspNonce.of(nonce),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) handlers.current.onChange?.(update.state.doc.toString())
          }),
          configurable.current.of(settings(label, describedBy, isReadOnly)),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
  }, [])

  useEffect(() => {
    view.current?.dispatch({
      effects: configurable.current.reconfigure(settings(label, describedBy, isReadOnly)),
    })
  }, [label, describedBy, isReadOnly])

  // A new value from outside (the theme's version restored); typing already matches it.
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
  }, [value])

  useEffect(() => {
    view.current?.dispatch({ effects: setErrorLine.of(errorLine) })
  }, [errorLine])

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const editor = view.current
      if (!editor) return
      const { doc } = editor.state
      const target = doc.line(Math.min(Math.max(line, 1), doc.lines))
      const offset = target.from + Math.min(Math.max((column ?? 1) - 1, 0), target.length)
      editor.dispatch({
        selection: { anchor: offset },
        effects: EditorView.scrollIntoView(offset, { y: 'center' }),
      })
      editor.focus()
    },
  }))

  return <div ref={parent} className={isReadOnly ? 'code-editor is-read-only' : 'code-editor'} />
}
