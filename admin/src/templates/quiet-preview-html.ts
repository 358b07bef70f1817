// What would load something: the preview frame keeps the admin's policy, so each would be
// refused (or missed: relative URLs point at the admin) and logged as an error.
const LOADERS = 'script, link, style, base, iframe, frame, object, embed, meta[http-equiv]'
const SOURCES = ['src', 'srcset', 'poster', 'background']

/**
 * The rendered page without what would load styles, scripts, frames or pictures, for a frame on
 * the admin's origin: its structure and words, as a person checks them before saving.
 * @example quietPreviewHtml('<p style="color:red">新<img src="a.png" alt="图"></p>')
 *   // → '<!doctype html><html><head></head><body><p>新<img alt="图"></p></body></html>'
 */
export function quietPreviewHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html')
  for (const node of document.querySelectorAll(LOADERS)) node.remove()
  for (const node of document.querySelectorAll('[style]')) node.removeAttribute('style')
  for (const name of SOURCES)
    for (const node of document.querySelectorAll(`[${name}]`)) node.removeAttribute(name)
  for (const node of document.querySelectorAll('image, use, feImage'))
    for (const name of ['href', 'xlink:href'])
      if (!node.getAttribute(name)?.startsWith('#')) node.removeAttribute(name)
  return `<!doctype html>${document.documentElement.outerHTML}`
}
