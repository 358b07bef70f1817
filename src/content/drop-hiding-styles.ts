/**
 * The limits that keep allow-listed CSS from hiding text: tiny fonts, transparent colours,
 * far indents and margins, squashed lines and zero sizes.
 */
import type { BodyElement, BodyParent } from '../markup/index.ts'
import { TABLE_TAGS } from '../markup/index.ts'

// What the allow-list lets through can still hide text from readers, or move it over the page
// around the body: the tricks behind the hidden links (暗链) that site inspections look for,
// such as `font-size:0`, `color:transparent` or `text-indent:-9999px`. The limits below keep
// every word where a reader can see it, and leave what Word writes (`text-indent:-18.0pt`
// beside `margin-left:18.0pt`, `line-height:28.0pt`, `font-size:10.5pt`) as it is. They are
// measured in CSS pixels against body text of 16px, a browser's default.
export const BODY_FONT_PX = 16
// Half the body text: 8px, 6pt, 0.5em or 50%. Word's 六号 (7.5pt) and 小六 (6.5pt) stay,
// its 七号 (5.5pt) and 八号 (5pt) do not; a size set in ems or percent counts from the size around it, so
// nesting `font-size:50%` cannot shrink text to nothing either.
const MIN_FONT_PX = 8
// Lines closer than half the text's height overprint one another.
const MIN_LINE_HEIGHT = 0.5
// How far a first line may reach left of its paragraph's own margin and padding (4em, 48pt).
// Word hangs a list item's number back into the margin it sets for the item
// (`margin-left:72.0pt;text-indent:-72.0pt`), so that margin is room too.
const MAX_HANG_PX = 64
// The furthest a margin, padding or indent may push text (600pt): Word's deepest list level
// sits at 216pt, while `9999px` pushes text out of sight.
const MAX_INDENT_PX = 800
// Translucent text is unreadable long before it is invisible.
const MIN_ALPHA = 0.1

// Sizes a browser gives these keywords, elements and <font size=1…7> when the body text is 16px.
const FONT_KEYWORD_PX: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
}
const LEGACY_FONT_PX = [10, 13, 16, 18, 24, 32, 48]
const DEFAULT_FONT_SCALE: Record<string, number> = {
  h1: 2,
  h2: 1.5,
  h3: 1.17,
  h5: 0.83,
  h6: 0.67,
  big: 1.2,
  small: 1 / 1.2,
  sub: 1 / 1.2,
  sup: 1 / 1.2,
}
// The element a shrinking one becomes when nesting would take its text below the minimum:
// the same text, at the size around it.
const UNSHRUNK: Record<string, string> = { h5: 'div', h6: 'div', small: 'span', sub: 'span', sup: 'span' }
// A table row or cell always grows to fit what is in it, so a zero size hides nothing there,
// and Word writes `<tr height=0>` under every table whose columns do not line up.
export const TABLE_PARTS = new Set(TABLE_TAGS)

/**
 * Drops the declarations outside the limits above, going down the tree so that sizes set in
 * ems and percent are measured against the size they are set in.
 */
export function dropHidingStyles(root: BodyParent): void {
  const pending: [BodyParent, number][] = [[root, BODY_FONT_PX]]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [parent, parentPx] = next
    for (const element of parent.children) {
      if ('attribs' in element) pending.push([element, keepVisible(element, parentPx)])
    }
  }
}

/** Checks one element's style against the limits, and returns the size of its text in pixels. */
function keepVisible(element: BodyElement, parentPx: number): number {
  const declarations = readStyle(element.attribs.style ?? '')
  let fontPx =
    legacyFontPx(element.attribs.size, element.name) ?? parentPx * (DEFAULT_FONT_SCALE[element.name] ?? 1)
  let hasOwnSize = false
  // The font size first, since lengths in ems and line heights are measured against it.
  const sized = declarations.filter(({ property, value }) => {
    if (property !== 'font-size') return true
    const px = fontPixels(value, parentPx)
    if (px === undefined || px < MIN_FONT_PX) return false
    fontPx = px
    hasOwnSize = true
    return true
  })
  const plainer = UNSHRUNK[element.name]
  if (!hasOwnSize && fontPx < MIN_FONT_PX && plainer !== undefined) {
    element.name = plainer
    fontPx = parentPx
  }
  // Margins and padding next, wherever the style puts them, since a first line may hang into
  // the left ones (IE-era editors write `TEXT-INDENT: -21pt; MARGIN-LEFT: 21pt`).
  const left = { margin: 0, padding: 0 }
  const boxed = sized.filter(({ property, value }) => {
    const box = /^(margin|padding)(-(?:top|right|bottom|left))?$/.exec(property)
    if (!box) return true
    const sides = value
      .split(/\s+/)
      .map((side) => (side.toLowerCase() === 'auto' ? 0 : toPixels(side, fontPx)))
    // Any negative margin can slide the body over the page's header or its date line.
    if (!sides.every((px) => px !== undefined && px >= 0 && px <= MAX_INDENT_PX)) return false
    // The shorthand gives the left side fourth, else second, else first.
    const leftSide =
      box[2] === undefined ? (sides[3] ?? sides[1] ?? sides[0]) : box[2] === '-left' ? sides[0] : undefined
    if (leftSide !== undefined) left[box[1] === 'margin' ? 'margin' : 'padding'] = leftSide
    return true
  })
  const kept = boxed.filter(({ property, value }) => {
    switch (property) {
      case 'text-indent': {
        const px = toPixels(value, fontPx)
        return px !== undefined && px >= -(left.margin + left.padding + MAX_HANG_PX) && px <= MAX_INDENT_PX
      }
      case 'line-height':
        return isReadableLineHeight(value, fontPx)
      case 'width':
      case 'height':
        return TABLE_PARTS.has(element.name) || isVisibleSize(value, fontPx)
      case 'color':
      case 'background-color':
      case 'background':
        return isVisibleColor(value)
      default:
        return true
    }
  })
  if (kept.length < declarations.length) {
    if (kept.length > 0) element.attribs.style = kept.map(({ text }) => text).join(';')
    else delete element.attribs.style
  }
  return fontPx
}

interface Declaration {
  readonly property: string
  readonly value: string
  /** As written, so a style that keeps all its declarations is left untouched. */
  readonly text: string
}

// After sanitize-html a style reads `property:value;property:value` with no `;` inside a value
// (FONT_NAME admits none). Before it, the style is as pasted, and splitting it this way may
// cut a quoted font name; that only ever drops a declaration, and the allow-list comes after.
function readStyle(style: string): Declaration[] {
  return style
    .split(';')
    .filter((text) => text.trim() !== '')
    .map((text) => {
      const colon = text.indexOf(':')
      return {
        property: colon < 0 ? '' : text.slice(0, colon).trim().toLowerCase(),
        value: text
          .slice(colon + 1)
          .replace(/!\s*important\s*$/i, '')
          .trim(),
        text,
      }
    })
}

/** A number and its unit, `-18.0pt` → [-18, 'pt']. */
function readNumber(text: string): [number, string] | undefined {
  const number = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))([a-z%]*)$/i.exec(text.trim())
  return number ? [Number(number[1]), (number[2] ?? '').toLowerCase()] : undefined
}

/**
 * A length in pixels, with ems taken from `fontPx`. Percent and viewport units depend on a
 * box or a screen we cannot see, so they give `undefined`, as does anything not a length.
 */
function toPixels(text: string, fontPx: number): number | undefined {
  const number = readNumber(text)
  if (number === undefined) return undefined
  const [value, unit] = number
  if (value === 0) return 0
  const perUnit = pixelsPer(unit, fontPx)
  return perUnit === undefined ? undefined : value * perUnit
}

function pixelsPer(unit: string, fontPx: number): number | undefined {
  switch (unit) {
    case 'px':
      return 1
    case 'pt':
      return 4 / 3
    case 'pc':
      return 16
    case 'in':
      return 96
    case 'cm':
      return 96 / 2.54
    case 'mm':
      return 96 / 25.4
    case 'q':
      return 96 / 101.6
    case 'em':
      return fontPx
    case 'rem':
      return BODY_FONT_PX
    case 'ex':
    case 'ch':
      return fontPx / 2
    default:
      return undefined
  }
}

function fontPixels(value: string, parentPx: number): number | undefined {
  const keyword = value.toLowerCase()
  const keywordPx = FONT_KEYWORD_PX[keyword]
  if (keywordPx !== undefined) return keywordPx
  if (keyword === 'smaller') return parentPx / 1.2
  if (keyword === 'larger') return parentPx * 1.2
  const number = readNumber(value)
  if (number?.[1] === '%') return (parentPx * number[0]) / 100
  return toPixels(value, parentPx)
}

/** The size `<font size>` sets: 1 to 7, or relative to 3 with a sign. */
function legacyFontPx(size: string | undefined, tagName: string): number | undefined {
  const legacy = tagName === 'font' ? /^\s*([+-]?)([1-7])\s*$/.exec(size ?? '') : null
  if (!legacy) return undefined
  const step = Number(legacy[2])
  const index = legacy[1] === '+' ? 3 + step : legacy[1] === '-' ? 3 - step : step
  return LEGACY_FONT_PX[Math.min(Math.max(index, 1), 7) - 1]
}

function isReadableLineHeight(value: string, fontPx: number): boolean {
  if (value.toLowerCase() === 'normal') return true
  const number = readNumber(value)
  if (number === undefined) return false
  const [height, unit] = number
  if (unit === '') return height >= MIN_LINE_HEIGHT
  if (unit === '%') return height >= MIN_LINE_HEIGHT * 100
  const px = toPixels(value, fontPx)
  return px !== undefined && px >= MIN_LINE_HEIGHT * fontPx
}

/** Whether a width or height leaves room to see something: `auto`, or at least one pixel. */
export function isVisibleSize(value: string, fontPx: number): boolean {
  if (value.toLowerCase() === 'auto') return true
  const number = readNumber(value)
  // Percent, viewport units and an attribute's bare number all count one for one.
  return number !== undefined && (toPixels(value, fontPx) ?? number[0]) >= 1
}

/** Whether a colour can be seen: not `transparent`, nor an alpha below MIN_ALPHA. */
export function isVisibleColor(value: string): boolean {
  const color = value.trim().toLowerCase()
  if (color === 'transparent') return false
  // #rgba and #rrggbbaa
  const hex = /^#(?:[0-9a-f]{3}([0-9a-f])|[0-9a-f]{6}([0-9a-f]{2}))$/.exec(color)
  if (hex) {
    const alpha = hex[1] !== undefined ? hex[1].repeat(2) : (hex[2] ?? 'ff')
    return Number.parseInt(alpha, 16) / 255 >= MIN_ALPHA
  }
  // rgb(0 0 0 / 0), rgba(0,0,0,0), hsla(0,0%,0%,0%): the alpha comes fourth.
  const alpha = /^(?:rgba?|hsla?)\((.*)\)$/
    .exec(color)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean)[3]
  if (alpha === undefined) return true
  return Number.parseFloat(alpha) / (alpha.endsWith('%') ? 100 : 1) >= MIN_ALPHA
}
