import { Extension, type Extensions } from '@tiptap/core'
import Image from '@tiptap/extension-image'
import { Table, TableCell, TableHeader, TableKit } from '@tiptap/extension-table'
import TextAlign from '@tiptap/extension-text-align'
import StarterKit from '@tiptap/starter-kit'
import { previewOf } from './local-previews.ts'
import { declaration } from './style-attributes.ts'
import { TextIndent } from './text-indent.ts'
import { WordingHighlight } from './wording-highlight.ts'

const ALIGNMENTS = ['left', 'center', 'right', 'justify']

/** Alignment read from a renamed style or an `align` attribute; drawn as a data attribute (see style-attributes.ts). */
const alignmentAttribute = {
  default: null,
  parseHTML: (element: HTMLElement) => {
    const value =
      declaration(element.getAttribute('data-fabu-style'), 'text-align') ??
      element.getAttribute('align')?.toLowerCase() ??
      null
    return value && ALIGNMENTS.includes(value) && value !== 'left' ? value : null
  },
  renderHTML: (attributes: Record<string, unknown>) =>
    typeof attributes.textAlign === 'string' ? { 'data-text-align': attributes.textAlign } : {},
}

const Alignment = TextAlign.extend({
  addGlobalAttributes() {
    return [{ types: this.options.types, attributes: { textAlign: alignmentAttribute } }]
  },
})

// Cells keep tiptap's `align` attribute; only how it is drawn changes.
const cellAlignment = {
  ...alignmentAttribute,
  renderHTML: (attributes: Record<string, unknown>) =>
    typeof attributes.align === 'string' ? { 'data-text-align': attributes.align } : {},
}
const Cell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), align: cellAlignment }
  },
})
const HeaderCell = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), align: cellAlignment }
  },
})

// The saved table: no widths of the editor's making (and no style attribute); the editor
// itself draws tables with TableView, which sets its widths through the CSSOM.
const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    const { style: _style, ...attributes } = HTMLAttributes
    return ['table', attributes, ['tbody', 0]]
  },
})

/**
 * Pictures in the editor: those uploaded in this session are shown from memory, the site's
 * stored ones from the admin origin's /uploads/ (served to those who work in the site);
 * pictures on other hosts only as a labelled box, since the admin's policy loads no images
 * from elsewhere.
 */
function previewedImage(placeholder: string) {
  return Image.extend({
    addNodeView() {
      return ({ node }) => {
        const src = typeof node.attrs.src === 'string' ? node.attrs.src : ''
        const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : ''
        const preview =
          previewOf(src) ?? (/^\/uploads\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}/.test(src) ? src : undefined)
        if (preview) {
          const img = document.createElement('img')
          img.src = preview
          img.alt = alt
          img.className = 'body-image'
          return { dom: img }
        }
        const box = document.createElement('span')
        const label = `${placeholder} ${alt || src.split('/').pop() || ''}`.trim()
        box.className = 'body-image-placeholder'
        box.setAttribute('role', 'img')
        box.setAttribute('aria-label', label)
        box.textContent = label
        return { dom: box }
      }
    },
  })
}

/**
 * Esc leaves the body for the next control. Tab stays in the text, where tables use it to
 * go from cell to cell, so a keyboard user needs another way out (WCAG 2.1.2).
 */
const LeaveWithEscape = Extension.create({
  name: 'leaveWithEscape',
  addKeyboardShortcuts() {
    return {
      Escape: () => {
        this.editor.view.dom.blur()
        return true
      },
    }
  },
})

/** The body's schema: what Word documents of government sites carry, and nothing of layout. */
export function bodyExtensions(options: { imagePlaceholder: string }): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4, 5, 6] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
        HTMLAttributes: { target: null, rel: null },
      },
    }),
    Alignment.configure({ types: ['heading', 'paragraph'], alignments: ALIGNMENTS }),
    TextIndent,
    TableKit.configure({ table: false, tableCell: false, tableHeader: false }),
    PlainTable.configure({ resizable: false }),
    Cell,
    HeaderCell,
    previewedImage(options.imagePlaceholder).configure({ inline: true, allowBase64: false }),
    LeaveWithEscape,
    WordingHighlight,
  ]
}
