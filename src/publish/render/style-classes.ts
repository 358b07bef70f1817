/** The properties `classOf` reads; keep in step with it. */
const MEANINGFUL = new Set([
  'text-align',
  'text-indent',
  'font-weight',
  'font-style',
  'text-decoration',
  'vertical-align',
])

// A Word body repeats a handful of styles on every paragraph, and a site's bodies come from the
// same few templates: the answers are remembered. Short styles only, and not without bound,
// so that hostile bodies cannot fill the memory of a publish.
const REMEMBERED_STYLES = 4096
const REMEMBERED_STYLE_LENGTH = 256
const classAttributes = new Map<string, string>()

/**
 * `classesForStyle` as the value of a class attribute, '' when none.
 *
 * @example classAttributeForStyle('font-weight:bold;text-align:center') // 'fabu-bold fabu-align-center'
 */
export function classAttributeForStyle(style: string): string {
  let value = classAttributes.get(style)
  if (value === undefined) {
    value = classesForStyle(style).join(' ')
    if (style.length <= REMEMBERED_STYLE_LENGTH) {
      if (classAttributes.size >= REMEMBERED_STYLES) classAttributes.clear()
      classAttributes.set(style, value)
    }
  }
  return value
}

/**
 * The classes of the theme's stylesheet that carry the meaning of an inline style: alignment,
 * the first-line indent, bold, italic, underline, strike-through, superscript and subscript.
 * Fonts, colours, sizes and borders have none and give way to the site's own look.
 *
 * @example classesForStyle('text-align:center;font-family:SimSun') // ['fabu-align-center']
 */
export function classesForStyle(style: string): string[] {
  const classes: string[] = []
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
    // Most of a Word body's declarations are fonts, sizes and spacing: skip them unread.
    if (!MEANINGFUL.has(property)) continue
    const value = declaration
      .slice(colon + 1)
      .trim()
      .toLowerCase()
    const name = classOf(property, value)
    if (name && !classes.includes(name)) classes.push(name)
  }
  return classes
}

function classOf(property: string, value: string): string | null {
  switch (property) {
    case 'text-align': {
      const side = value === 'start' ? 'left' : value === 'end' ? 'right' : value
      return ['left', 'center', 'right', 'justify'].includes(side) ? `fabu-align-${side}` : null
    }
    // Chinese documents indent the first line by two characters, whatever unit Word wrote.
    case 'text-indent':
      return Number.parseFloat(value) > 0 ? 'fabu-indent' : null
    case 'font-weight':
      return value === 'bold' || value === 'bolder' || Number(value) >= 600 ? 'fabu-bold' : null
    case 'font-style':
      return value === 'italic' || value === 'oblique' ? 'fabu-italic' : null
    case 'text-decoration':
      return value.includes('underline')
        ? 'fabu-underline'
        : value.includes('line-through')
          ? 'fabu-strike'
          : null
    case 'vertical-align':
      return value === 'super' ? 'fabu-sup' : value === 'sub' ? 'fabu-sub' : null
    default:
      return null
  }
}
