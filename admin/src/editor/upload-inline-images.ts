import type { CleanedHtml } from './clean-pasted-html.ts'
import type { StorePicture } from './import-docx.ts'

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
}

/**
 * Pasted markup whose pictures are inline (`data:` URIs, as WPS and some web pages copy
 * them) with each picture stored on the site and referred to by its address instead.
 * Pictures that cannot be stored are left out and counted.
 * The markup must come from `cleanPastedHtml` (styles renamed, see style-attributes.ts).
 */
export async function uploadInlineImages(html: string, storePicture: StorePicture): Promise<CleanedHtml> {
  const body = new DOMParser().parseFromString(html, 'text/html').body
  let count = 0
  let droppedImages = 0
  for (const image of body.querySelectorAll('img[src^="data:"]')) {
    const match = /^data:(image\/[a-z+.-]+);base64,(.*)$/is.exec(image.getAttribute('src') ?? '')
    const extension = EXTENSIONS[match?.[1]?.toLowerCase() ?? '']
    count++
    try {
      if (!match?.[2] || !extension) throw new Error('not a picture the site takes')
      // Decoded here: fetching a data: URI would break the page's connect-src policy.
      const bytes = Uint8Array.from(atob(match[2].replace(/\s+/g, '')), (char) => char.charCodeAt(0))
      image.setAttribute(
        'src',
        await storePicture(new Blob([bytes], { type: match[1] }), `image-${count}.${extension}`),
      )
    } catch {
      image.remove()
      droppedImages++
    }
  }
  return { html: body.innerHTML, droppedImages }
}
