import { type CleanedHtml, cleanPastedHtml } from './clean-pasted-html.ts'

/** Stores a picture and answers its address on the site. */
export type StorePicture = (bytes: Blob, name: string) => Promise<string>

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

// mammoth reads no paragraph layout into HTML. `markLayout` renames paragraphs after their
// alignment and first-line indent, these styles map the names to classes, and the classes
// become styles after the conversion.
const LAYOUTS = ['center', 'right', 'justify'].flatMap((align) => [align, `${align}-indent`])
const STYLE_MAP = [...LAYOUTS, 'indent'].map(
  (layout) => `p[style-name='fabu-${layout}'] => p.fabu-${layout}:fresh`,
)
const ALIGNMENTS: Readonly<Record<string, string>> = {
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  distribute: 'justify',
}

/** Why a file could not be imported, as a key of the editor's messages (never the reader's English). */
export type DocxRefusal = 'pdf' | 'doc' | 'other' | 'broken'

export class DocxImportError extends Error {
  constructor(
    readonly reason: DocxRefusal,
    options?: ErrorOptions,
  ) {
    super(`docx import: ${reason}`, options)
  }
}

/** What the file is, from its first bytes: a .docx is a ZIP archive. */
function refusalOf(head: Uint8Array): DocxRefusal | null {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte)
  if (starts(0x50, 0x4b, 0x03, 0x04)) return null
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf' // %PDF
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'doc' // OLE compound file: Word 97–2003
  return 'other'
}

/**
 * A Word document (.docx) as editor markup, by mammoth in the browser. Its pictures are
 * stored on the site while converting, so the body refers to /uploads/ addresses and never
 * carries data: URIs; pictures that could not be stored (Word's EMF drawings, say) are counted.
 */
export async function importDocx(file: File, storePicture: StorePicture): Promise<CleanedHtml> {
  const arrayBuffer = await file.arrayBuffer()
  const refusal = refusalOf(new Uint8Array(arrayBuffer, 0, Math.min(4, arrayBuffer.byteLength)))
  if (refusal) throw new DocxImportError(refusal)
  const mammoth = (await import('mammoth')).default
  await allowMissingStyles()
  const stem = file.name.replace(/\.docx$/i, '') || 'image'
  let count = 0
  const result = await mammoth
    .convertToHtml(
      { arrayBuffer },
      {
        styleMap: STYLE_MAP,
        transformDocument: markLayout,
        convertImage: mammoth.images.imgElement(async (image) => {
          count++
          const extension = EXTENSIONS[image.contentType]
          if (!extension) return { src: '' }
          try {
            const bytes = new Blob([await image.readAsArrayBuffer()], { type: image.contentType })
            return { src: await storePicture(bytes, `${stem}-${count}.${extension}`) }
          } catch {
            return { src: '' }
          }
        }),
      },
    )
    .catch((error: unknown) => {
      throw new DocxImportError('broken', { cause: error })
    })
  const html = result.value.replace(/ class="fabu-([a-z-]+)"/g, (_, layout: string) => {
    const [align, indent] = layout === 'indent' ? [null, 'indent'] : layout.split('-')
    const declarations = [...(align ? [`text-align: ${align}`] : []), ...(indent ? ['text-indent: 2em'] : [])]
    return ` style="${declarations.join('; ')}"`
  })
  // Pictures whose upload failed have no address; the cleaning drops and counts them.
  return cleanPastedHtml(html)
}

/**
 * A document without word/styles.xml (written by some converters and generators) gets
 * mammoth's default styles, whose table-style lookup reads from an undefined map and throws
 * `Cannot read properties of undefined (reading 'TableGrid')` (mammoth 1.13,
 * lib/docx/styles-reader.js: `new Styles({}, {})` passes no table styles). Without styles a
 * table style is simply unknown, as it is for any style the document does not define.
 */
async function allowMissingStyles() {
  type Reader = { defaultStyles: { findTableStyleById(id: string): unknown } }
  // @ts-expect-error mammoth ships no types for its internal modules
  const module: Reader & { default?: Reader } = await import('mammoth/lib/docx/styles-reader.js')
  ;(module.default ?? module).defaultStyles.findTableStyleById = () => undefined
}

interface MammothElement {
  readonly type: string
  readonly styleName?: string | null
  readonly numbering?: unknown
  readonly alignment?: string | null
  readonly indent?: { readonly firstLine?: string | null }
  readonly children?: readonly MammothElement[]
}

/** Names plain paragraphs after their layout; headings and list items keep their own style. */
function markLayout(element: MammothElement): MammothElement {
  if (element.type === 'paragraph') {
    if (element.numbering || /heading|title|标题/i.test(element.styleName ?? '')) return element
    const align = ALIGNMENTS[element.alignment ?? ''] ?? null
    const isIndented = Number(element.indent?.firstLine ?? 0) > 0
    if (!align && !isIndented) return element
    const layout = [align, isIndented ? 'indent' : null].filter(Boolean).join('-')
    return { ...element, styleName: `fabu-${layout}` }
  }
  return element.children ? { ...element, children: element.children.map(markLayout) } : element
}
