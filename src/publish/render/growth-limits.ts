import type { FilterImplOptions, Liquid } from 'liquidjs'

type FilterHandler = Extract<FilterImplOptions, { handler: unknown }>['handler']

/** No list a page shows needs more items: the newest lists hold 50, a site map some thousands. */
export const MAX_LIST_ITEMS = 100_000
/** A text no longer than a whole page may be (MAX_PAGE_BYTES). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024

/**
 * Caps the filters that let a template grow a list or a text from little input: a `concat`
 * doubling its own list forty times, an `append` of a text to itself. LiquidJS's memory limit
 * counts items and characters, not bytes, and only gives up after its 64 million, which is more
 * than a render process's heap holds. These caps fail the page with the filter, template and
 * line before the memory is taken. They are a courtesy, not the wall: the render process's heap
 * cap is what contains a filter nobody thought of.
 */
export function limitGrowth(engine: Liquid): void {
  const lists = (name: string, extra: (args: readonly unknown[]) => number) =>
    guard(engine, name, (value, args) => {
      if (lengthOf(value) + extra(args) > MAX_LIST_ITEMS)
        throw new Error(`${name}: a list longer than ${MAX_LIST_ITEMS} items`)
    })
  lists('concat', (args) => lengthOf(args[0]))
  lists('push', () => 1)
  lists('unshift', () => 1)
  const texts = (name: string, resultLength: (value: unknown, args: readonly unknown[]) => number) =>
    guard(engine, name, (value, args) => {
      if (resultLength(value, args) > MAX_TEXT_CHARS)
        throw new Error(`${name}: a text longer than ${MAX_TEXT_CHARS} characters`)
    })
  texts('append', (value, args) => lengthOf(value) + lengthOf(args[0]))
  texts('prepend', (value, args) => lengthOf(value) + lengthOf(args[0]))
  texts('replace', (value, args) => lengthOf(value) + replacementGrowth(value, args, Infinity))
  texts('replace_first', (value, args) => lengthOf(value) + replacementGrowth(value, args, 1))
  texts('replace_last', (value, args) => lengthOf(value) + replacementGrowth(value, args, 1))
  texts('join', (value, args) => {
    const items = Array.isArray(value) ? value : []
    let size = Math.max(items.length - 1, 0) * (args[0] == null ? 1 : lengthOf(args[0]))
    for (const item of items) size += lengthOf(item)
    return size
  })
  guard(engine, 'split', (value, args) => {
    if (lengthOf(args[0]) === 0 && lengthOf(value) > MAX_LIST_ITEMS)
      throw new Error(`split: a list longer than ${MAX_LIST_ITEMS} items`)
  })
}

/** Replaces a built-in filter with one that checks its input first, then does the same. */
function guard(
  engine: Liquid,
  name: string,
  check: (value: unknown, args: readonly unknown[]) => void,
): void {
  const builtin = engine.filters[name] as FilterImplOptions | undefined
  if (!builtin) return
  const handler: FilterHandler = typeof builtin === 'function' ? builtin : builtin.handler
  const checked: FilterHandler = function (this, value, ...args) {
    check(value, args)
    return handler.call(this, value, ...args)
  }
  engine.registerFilter(name, typeof builtin === 'function' ? checked : { ...builtin, handler: checked })
}

/** How much longer replacing makes the text: each match adds the length difference. */
function replacementGrowth(value: unknown, args: readonly unknown[], most: number): number {
  const pattern = args[0] == null ? '' : String(args[0])
  const replacement = args[1] == null ? '' : String(args[1])
  if (replacement.length <= pattern.length) return 0
  const text = value == null ? '' : String(value)
  // An empty pattern matches between every two characters.
  const matches = pattern === '' ? text.length + 1 : text.split(pattern).length - 1
  return Math.min(matches, most) * (replacement.length - pattern.length)
}

function lengthOf(value: unknown): number {
  if (value == null) return 0
  if (typeof value === 'string' || Array.isArray(value)) return value.length
  return String(value).length
}
