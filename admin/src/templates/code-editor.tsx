import { Spin } from 'antd'
import { lazy, type Ref, Suspense } from 'react'

export interface CodeEditorHandle {
  /** Focuses the editor with the caret at the line (and column), scrolled into view. */
  goTo(line: number, column?: number | null): void
}

export interface CodeEditorProps {
  /** The editor's accessible name. */
  readonly label: string
  readonly value: string
  readonly onChange?: (value: string) => void
  readonly isReadOnly?: boolean
  /** Ctrl+S (⌘S on a Mac). */
  readonly onSave?: () => void
  /** The line the last error names, marked beside it. */
  readonly errorLine?: number | null
  readonly describedBy?: string
  readonly ref?: Ref<CodeEditorHandle>
}

// CodeMirror and its Liquid, HTML, CSS and JavaScript grammars load when a template is first
// opened, not with the sign-in page.
const CodeMirrorEditor = lazy(() =>
  import('./code-mirror-editor.tsx').then((module) => ({ default: module.CodeMirrorEditor })),
)

/** Template source in CodeMirror, Liquid and the HTML around it highlighted: see code-mirror-editor.tsx. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <div className="code-editor is-loading">
          <Spin />
        </div>
      }
    >
      <CodeMirrorEditor {...props} />
    </Suspense>
  )
}
