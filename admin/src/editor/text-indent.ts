import { Extension } from '@tiptap/core'
import { declaration } from './style-attributes.ts'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    textIndent: {
      /** Indents the first line of the selected paragraphs (首行缩进), or takes the indent away. */
      toggleTextIndent: () => ReturnType
    }
  }
}

const LENGTH = /^\d{1,3}(?:\.\d{1,2})?(?:em|pt|px|cm|mm)$/

/**
 * First-line indent (首行缩进 2 字符), the way Chinese official documents set every paragraph.
 * Saved as `text-indent: 2em`; in the editor a data attribute, since the page's
 * Content-Security-Policy refuses style attributes (see style-attributes.ts).
 */
export const TextIndent = Extension.create<{ types: string[]; indent: string }>({
  name: 'textIndent',
  addOptions() {
    return { types: ['paragraph'], indent: '2em' }
  },
  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          textIndent: {
            default: null,
            parseHTML: (element) => {
              const value = declaration(element.getAttribute('data-fabu-style'), 'text-indent')
              return value && LENGTH.test(value) ? value : null
            },
            renderHTML: (attributes) =>
              attributes.textIndent ? { 'data-text-indent': attributes.textIndent } : {},
          },
        },
      },
    ]
  },
  addCommands() {
    return {
      toggleTextIndent:
        () =>
        ({ editor, commands }) => {
          const isIndented = this.options.types.some((type) => Boolean(editor.getAttributes(type).textIndent))
          return this.options.types
            .map((type) =>
              commands.updateAttributes(type, { textIndent: isIndented ? null : this.options.indent }),
            )
            .some(Boolean)
        },
    }
  },
})
