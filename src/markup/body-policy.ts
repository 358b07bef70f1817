/**
 * What an article or page body may hold: the allow-list the sanitizer applies on every save,
 * and the publish step checks again after its last transformation (src/publish/render/publish-body.ts),
 * so that both read one policy and cannot drift apart.
 */
import { TABLE_TAGS } from './table-tags.ts'

// Elements dropped with everything inside them, since their content is no article text.
export const DROPPED_WITH_CONTENT = [
  // Code, and what browsers do not render.
  ...['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'title', 'xmp', 'plaintext'],
  // Other languages, whose parsing rules differ from HTML's: the root of most mutation XSS.
  ...['svg', 'math'],
  // Plugins, frames and what a page's <head> holds.
  ...['object', 'embed', 'applet', 'frameset', 'frame', 'base', 'meta', 'link'],
  // Form controls; a form's own content is text and stays.
  ...['input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea'],
]

const TABLE_ATTRIBUTES = [
  'colspan',
  'rowspan',
  'width',
  'height',
  'align',
  'valign',
  'border',
  'cellpadding',
  'cellspacing',
  'scope',
  'span',
]
export const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['style'],
  a: ['href', 'title', 'target', 'name', 'rel'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  font: ['color', 'face', 'size'],
  ol: ['type', 'start'],
  ul: ['type'],
  li: ['type'],
  iframe: ['src', 'width', 'height', 'title', 'allowfullscreen', 'sandbox'],
  ...Object.fromEntries(
    ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'figure', 'figcaption'].map(
      (tag) => [tag, ['align']],
    ),
  ),
  ...Object.fromEntries(TABLE_TAGS.map((tag) => [tag, TABLE_ATTRIBUTES])),
}
export const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'div', 'span'],
  ...['sub', 'sup', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'ins', 'font', 'small', 'big'],
  ...['ol', 'ul', 'li', 'dl', 'dt', 'dd', 'img', 'a', 'figure', 'figcaption'],
  ...TABLE_TAGS,
]

// Sandboxed, yet a video player still plays. Safe only because the allowed hosts are other
// origins: a same-origin frame with scripts and same-origin could lift its own sandbox.
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation'

/** URL schemes a link may use; a relative URL has none and is kept. */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel']
/** Tags whose URLs allow other schemes than ALLOWED_SCHEMES: inline screenshots, embedded players. */
export const ALLOWED_SCHEMES_BY_TAG: Record<string, string[]> = {
  img: ['http', 'https', 'data'],
  iframe: ['https'],
}

const NUMBER = /^\d{1,5}$/
const DIMENSION = /^\d{1,5}(?:\.\d+)?(?:px|%)?$/
export const VALID_VALUES: Record<string, RegExp> = {
  align: /^(?:left|right|center|justify)$/,
  valign: /^(?:top|middle|bottom|baseline)$/,
  scope: /^(?:row|col|rowgroup|colgroup)$/,
  target: /^(?:_blank|_self|_parent|_top)$/,
  type: /^(?:1|a|A|i|I|disc|circle|square)$/,
  colspan: NUMBER,
  rowspan: NUMBER,
  span: NUMBER,
  start: /^-?\d{1,9}$/,
  border: NUMBER,
  cellpadding: NUMBER,
  cellspacing: NUMBER,
  width: DIMENSION,
  height: DIMENSION,
  size: /^[+-]?[1-7]$/,
}

// Pasted screenshots arrive inline; only raster types, so no SVG with script in it.
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i

export function isAllowedImageSource(src: string): boolean {
  // A browser ignores leading and trailing controls and spaces in a URL, and tab, CR and LF
  // anywhere; dropping every control and space before looking at the scheme is stricter still.
  const cleaned = [...src].filter((character) => character > ' ').join('')
  return !/^data:/i.test(cleaned) || IMAGE_DATA_URL.test(cleaned)
}

// Style values: each pattern matches the whole value and admits no function but the colour
// ones with plain numbers inside, so url(), expression() and friends have no way in.
const LENGTH = String.raw`[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:px|pt|pc|em|rem|ex|ch|cm|mm|in|q|%|vw|vh)?`
const COLOR = String.raw`#[0-9a-f]{3,8}|(?:rgba?|hsla?)\([\d.%\s,/+-]*\)|[a-z]+`
export const COLOR_VALUE = new RegExp(`^(?:${COLOR})$`, 'i')
const FONT_NAME = String.raw`"[^"\\;{}<>]*"|'[^'\\;{}<>]*'|[\p{L}\p{N}_ .-]+`
export const FONT_FAMILY = new RegExp(`^\\s*(?:${FONT_NAME})(?:\\s*,\\s*(?:${FONT_NAME}))*\\s*$`, 'u')
const BOX = new RegExp(`^(?:${LENGTH}|auto)(?:\\s+(?:${LENGTH}|auto)){0,3}$`, 'i')
const SIZE = new RegExp(`^(?:${LENGTH}|auto)$`, 'i')
const BORDER = new RegExp(`^(?:${LENGTH}|${COLOR}|[a-z-]+)(?:\\s+(?:${LENGTH}|${COLOR}|[a-z-]+)){0,3}$`, 'i')
const SIDES = ['top', 'right', 'bottom', 'left']

export const ALLOWED_STYLES: Record<string, RegExp[]> = {
  'text-align': [/^(?:left|right|center|justify|start|end)$/i],
  'text-indent': [new RegExp(`^${LENGTH}$`, 'i')],
  'line-height': [new RegExp(`^(?:normal|${LENGTH})$`, 'i')],
  color: [COLOR_VALUE],
  'background-color': [COLOR_VALUE],
  // Word highlights with `background:yellow`; only a colour is let through, never an image.
  background: [COLOR_VALUE],
  'font-size': [new RegExp(`^(?:${LENGTH}|(?:xx?-)?(?:small|large)|medium|smaller|larger)$`, 'i')],
  'font-family': [FONT_FAMILY],
  'font-weight': [/^(?:normal|bold|bolder|lighter|[1-9]00)$/i],
  'font-style': [/^(?:normal|italic|oblique)$/i],
  'text-decoration': [
    /^(?:none|(?:underline|overline|line-through)(?:\s+(?:underline|overline|line-through))*)$/i,
  ],
  'vertical-align': [
    new RegExp(`^(?:baseline|sub|super|top|text-top|middle|bottom|text-bottom|${LENGTH})$`, 'i'),
  ],
  width: [SIZE],
  height: [SIZE],
  'border-collapse': [/^(?:collapse|separate)$/i],
  'white-space': [/^(?:normal|nowrap|pre|pre-wrap|pre-line|break-spaces)$/i],
  margin: [BOX],
  padding: [BOX],
  border: [BORDER],
  'border-width': [BORDER],
  'border-style': [BORDER],
  'border-color': [BORDER],
  'border-spacing': [BOX],
  ...Object.fromEntries(
    SIDES.flatMap((side) => [
      [`margin-${side}`, [BOX]],
      [`padding-${side}`, [BOX]],
      [`border-${side}`, [BORDER]],
      [`border-${side}-width`, [BORDER]],
      [`border-${side}-style`, [BORDER]],
      [`border-${side}-color`, [BORDER]],
    ]),
  ),
}
