/** Markup built by `html`, which is inserted as is; every other value is inserted as text. */
export class SafeHtml {
  readonly markup: string
  constructor(markup: string) {
    this.markup = markup
  }
  toString(): string {
    return this.markup
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML text or attribute value: the five characters that could end either, escaped. */
export function escapeText(value: string): string {
  let out = ''
  for (const character of value) out += ENTITIES[character] ?? character
  return out
}

type Slot = SafeHtml | string | number | null | undefined | readonly Slot[]

function render(slot: Slot): string {
  if (slot === null || slot === undefined) return ''
  if (slot instanceof SafeHtml) return slot.markup
  if (Array.isArray(slot)) return slot.map(render).join('')
  return escapeText(String(slot))
}

/**
 * A tagged template for the public forms' pages: what the visitor sent can only ever land as
 * text, because every interpolation is escaped unless it is itself `html`.
 */
export function html(strings: TemplateStringsArray, ...slots: readonly Slot[]): SafeHtml {
  let markup = strings[0] ?? ''
  slots.forEach((slot, index) => {
    markup += render(slot) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(markup)
}
