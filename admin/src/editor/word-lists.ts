/**
 * Word writes a list as paragraphs styled `mso-list:l0 level1 lfo1`, each starting with its
 * marker in a `<span style="mso-list:Ignore">`. Bullets and `1.` numbers become real lists;
 * other numbering (一、 （一） (1) a)) is how Chinese documents count, which no HTML list
 * can show, so it stays as the paragraph's own text.
 */
export function wordListsToLists(root: HTMLElement): void {
  // Styles arrive renamed (see style-attributes.ts).
  const styleOf = (element: Element) => element.getAttribute('data-fabu-style') ?? ''
  const doc = root.ownerDocument
  const paragraphs = [...root.querySelectorAll<HTMLElement>('p')].filter((p) =>
    /mso-list:\s*l\d/i.test(styleOf(p)),
  )
  let open: { level: number; kind: string; list: HTMLElement }[] = []
  for (const paragraph of paragraphs) {
    const level = Number(/level(\d+)/i.exec(styleOf(paragraph))?.[1] ?? 1)
    const markerSpan = paragraph.querySelector('span[data-fabu-style*="mso-list:ignore" i]')
    const marker = (markerSpan?.textContent ?? '').replace(/[\s\u00a0]+/g, '')
    markerSpan?.remove()
    const kind = listKind(marker)
    if (kind === null) {
      if (marker) paragraph.prepend(doc.createTextNode(`${marker} `))
      open = []
      continue
    }
    // Paragraphs already taken sit in the open list, right before a paragraph that continues it.
    if (open.length > 0 && paragraph.previousElementSibling !== open[0]?.list) open = []
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > level) open.pop()
    if (open.at(-1)?.level === level && open.at(-1)?.kind !== kind) open.pop()
    let top = open.at(-1)
    if (!top || top.level < level) {
      const list = doc.createElement(kind)
      if (top) (top.list.lastElementChild ?? top.list).append(list)
      else paragraph.before(list)
      top = { level, kind, list }
      open.push(top)
    }
    const item = doc.createElement('li')
    top.list.append(item)
    item.append(paragraph)
  }
}

function listKind(marker: string): 'ul' | 'ol' | null {
  if (/^\d+\.$/.test(marker)) return 'ol'
  // One sign that is no digit: ·, §, Ø, o, or Symbol-font bullets in the private use area.
  if ([...marker].length === 1 && !/\d/.test(marker)) return 'ul'
  return null
}
