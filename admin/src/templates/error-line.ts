import { RangeSet, StateEffect, StateField } from '@codemirror/state'
import { Decoration, EditorView, GutterMarker, lineNumberMarkers } from '@codemirror/view'

/** Marks the line (from 1) the server's last error names; null takes the mark away. */
export const setErrorLine = StateEffect.define<number | null>()

class ErrorLineNumber extends GutterMarker {
  override elementClass = 'cm-error-line-number'
}

const lineMark = Decoration.line({ class: 'cm-error-line' })
const numberMark = new ErrorLineNumber()

/**
 * Where the marked line starts, or null. Edits move the mark with its line, as a textarea's
 * marked number would not: the error stays beside the text it is about until the next answer.
 */
export const errorLine = StateField.define<number | null>({
  create: () => null,
  update(start, transaction) {
    for (const effect of transaction.effects)
      if (effect.is(setErrorLine)) {
        const line = effect.value
        if (line === null) return null
        return transaction.state.doc.line(Math.min(Math.max(line, 1), transaction.state.doc.lines)).from
      }
    if (start === null || !transaction.docChanged) return start
    return transaction.state.doc.lineAt(transaction.changes.mapPos(start)).from
  },
  provide: (field) => [
    EditorView.decorations.from(field, (start) =>
      start === null ? Decoration.none : Decoration.set(lineMark.range(start)),
    ),
    lineNumberMarkers.from(field, (start) =>
      start === null ? RangeSet.empty : RangeSet.of(numberMark.range(start)),
    ),
    EditorView.contentAttributes.from(
      field,
      (start): Record<string, string> => (start === null ? {} : { 'aria-invalid': 'true' }),
    ),
  ],
})
