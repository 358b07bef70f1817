import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Editor } from '@tiptap/react'

/** A wording hit as the editor marks it: the text as written and what to write instead. */
export interface MarkedWord {
  readonly found: string
  readonly suggestion: string | null
  readonly level: 'block' | 'warn'
}

const key = new PluginKey<readonly MarkedWord[]>('wordingHighlight')

/** Marks each occurrence of the words in the body's text, without changing the body. */
function decorate(doc: Parameters<typeof DecorationSet.create>[0], words: readonly MarkedWord[]) {
  const decorations: Decoration[] = []
  doc.descendants((node, position) => {
    if (!node.isText || !node.text) return
    for (const word of words) {
      for (let at = node.text.indexOf(word.found); at !== -1; at = node.text.indexOf(word.found, at + 1)) {
        decorations.push(
          Decoration.inline(position + at, position + at + word.found.length, {
            class: word.level === 'block' ? 'wording-hit is-blocking' : 'wording-hit',
            title: word.suggestion ? `→ ${word.suggestion}` : word.found,
            'data-suggestion': word.suggestion ?? '',
          }),
        )
      }
    }
  })
  return DecorationSet.create(doc, decorations)
}

/**
 * Highlights wording hits (错敏词) in place, with the suggestion as the mark's title. The words
 * come from the server's check; editing the text drops marks whose text is gone.
 */
export const WordingHighlight = Extension.create({
  name: 'wordingHighlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<readonly MarkedWord[]>({
        key,
        state: {
          init: () => [],
          apply: (transaction, words) => transaction.getMeta(key) ?? words,
        },
        props: {
          decorations: (state) => decorate(state.doc, key.getState(state) ?? []),
        },
      }),
    ]
  },
})

/** Marks the words (none: clears the marks); no transaction when nothing would change. */
export function markWords(editor: Editor, words: readonly MarkedWord[]): void {
  const marked = key.getState(editor.state) ?? []
  if (marked.length === 0 && words.length === 0) return
  editor.view.dispatch(editor.state.tr.setMeta(key, words).setMeta('addToHistory', false))
}
