import { z } from 'zod'

// Embeddings, overrides and isolates reorder the text after them up to the end of the line:
// a column or unit name holding U+202E shows the breadcrumb, the navigation and the 来源 line
// of an adopted article reversed, so a name could read as another. No name needs them.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/
// A name of format characters (zero-width spaces and joiners, marks) and spaces looks empty.
const INVISIBLE_ONLY = /^[\p{Cf}\p{Z}\s]*$/u

/**
 * The name of a site, a column or a 专题 as readers see it in lists, breadcrumbs and reports:
 * trimmed, 1 to `max` characters, no bidi controls and not invisible.
 */
export function nameSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(
      (name) => !BIDI_CONTROLS.test(name),
      '名称不能含改变文字方向的控制字符（如 U+202E）|a name may not contain bidirectional control characters (such as U+202E)',
    )
    .refine(
      (name) => name === '' || !INVISIBLE_ONLY.test(name),
      '名称不能只由不可见字符组成|a name may not consist of invisible characters only',
    )
}
