import { type KeyboardEvent, type Ref, useImperativeHandle, useRef } from 'react'

export interface CodeEditorHandle {
  /** Focuses the editor with the caret at the line (and column), scrolled into view. */
  goTo(line: number, column?: number | null): void
}

export interface CodeEditorProps {
  readonly id: string
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

const INDENT = '  '

/** The offset of a line and column (both from 1) in the text. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0
  for (let current = 1; current < line; current++) {
    const end = text.indexOf('\n', offset)
    if (end === -1) return text.length
    offset = end + 1
  }
  const end = text.indexOf('\n', offset)
  const lineLength = (end === -1 ? text.length : end) - offset
  return offset + Math.min(Math.max(column - 1, 0), lineLength)
}

/**
 * A plain textarea for template source, with line numbers beside it: monospace, no wrapping,
 * Tab indents by two spaces. Esc gives Tab back to the keyboard's moving between controls once,
 * so the editor is no keyboard trap (WCAG 2.1.2).
 */
export function CodeEditor({
  id,
  value,
  onChange,
  isReadOnly = false,
  onSave,
  errorLine = null,
  describedBy,
  ref,
}: CodeEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const tabLeaves = useRef(false)
  const lines = Array.from({ length: value.split('\n').length }, (_, index) => index + 1)

  const syncGutter = () => {
    if (gutter.current && area.current) gutter.current.scrollTop = area.current.scrollTop
  }

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const textarea = area.current
      if (!textarea) return
      const offset = offsetOf(textarea.value, line, column ?? 1)
      textarea.focus()
      textarea.setSelectionRange(offset, offset)
      const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20
      textarea.scrollTop = Math.max(0, (line - 3) * lineHeight)
      syncGutter()
    },
  }))

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const textarea = event.currentTarget
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault()
      onSave?.()
      return
    }
    if (event.key === 'Escape') {
      tabLeaves.current = true
      return
    }
    const leaves = tabLeaves.current
    tabLeaves.current = false
    if (event.key !== 'Tab' || isReadOnly || leaves || event.shiftKey || event.ctrlKey || event.altKey) return
    event.preventDefault()
    // insertText keeps the browser's undo history; setRangeText is the fallback without it.
    if (!document.execCommand('insertText', false, INDENT)) {
      textarea.setRangeText(INDENT, textarea.selectionStart, textarea.selectionEnd, 'end')
      onChange?.(textarea.value)
    }
  }

  return (
    <div className={isReadOnly ? 'code-editor is-read-only' : 'code-editor'}>
      <div className="code-gutter" ref={gutter} aria-hidden="true">
        {lines.map((line) => (
          <div key={line} className={line === errorLine ? 'code-line-number is-error' : 'code-line-number'}>
            {line}
          </div>
        ))}
      </div>
      <textarea
        id={id}
        ref={area}
        className="code-text"
        value={value}
        readOnly={isReadOnly}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        aria-invalid={errorLine !== null}
        aria-describedby={describedBy}
        onChange={(event) => onChange?.(event.target.value)}
        onKeyDown={onKeyDown}
        onScroll={syncGutter}
      />
    </div>
  )
}
