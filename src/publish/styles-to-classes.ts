/**
 * Published pages forbid inline styles (CSP without 'unsafe-inline'), yet a Word-pasted body
 * carries its alignment and first-line indent as `style` attributes. At render time the
 * styles that carry meaning become classes of the theme's stylesheet; the rest (fonts,
 * colours, sizes, borders) give way to the site's own look, as a government site wants.
 */
const TAG_WITH_STYLE = /<([a-z][a-z0-9]*)\b([^<>]*?)\sstyle="([^"]*)"([^<>]*)>/gi

export function stylesToClasses(html: string): string {
  if (!html.includes(' style="')) return html
  return html.replace(TAG_WITH_STYLE, (_whole, tag: string, before: string, style: string, after: string) => {
    const classes = classesFor(style)
    const selfClosing = /\s*\/\s*$/.exec(after)
    const rest = `${before}${selfClosing ? after.slice(0, selfClosing.index) : after}`
    const close = selfClosing ? ' />' : '>'
    if (classes.length === 0) return `<${tag}${rest}${close}`
    const existing = /\sclass="([^"]*)"/.exec(rest)
    if (existing) {
      return `<${tag}${rest.replace(existing[0], ` class="${existing[1]} ${classes.join(' ')}"`)}${close}`
    }
    return `<${tag}${rest} class="${classes.join(' ')}"${close}`
  })
}

function classesFor(style: string): string[] {
  const classes: string[] = []
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const property = declaration.slice(0, colon).trim().toLowerCase()
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
