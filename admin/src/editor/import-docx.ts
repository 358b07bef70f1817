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

/**
 * A Word document (.docx) as editor markup, by mammoth in the browser. Its pictures are
 * stored on the site while converting, so the body refers to /uploads/ addresses and never
 * carries data: URIs; pictures that could not be stored (Word's EMF drawings, say) are counted.
 */
export async function importDocx(file: File, storePicture: StorePicture): Promise<CleanedHtml> {
  const mammoth = (await import('mammoth')).default
  const stem = file.name.replace(/\.docx$/i, '') || 'image'
  let count = 0
  const result = await mammoth.convertToHtml(
    { arrayBuffer: await file.arrayBuffer() },
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
  const html = result.value.replace(/ class="fabu-([a-z-]+)"/g, (_, layout: string) => {
    const [align, indent] = layout === 'indent' ? [null, 'indent'] : layout.split('-')
    const declarations = [...(align ? [`text-align: ${align}`] : []), ...(indent ? ['text-indent: 2em'] : [])]
    return ` style="${declarations.join('; ')}"`
  })
  // Pictures whose upload failed have no address; the cleaning drops and counts them.
  return cleanPastedHtml(html)
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
