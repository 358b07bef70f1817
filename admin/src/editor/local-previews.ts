/**
 * Pictures uploaded in this session, shown from memory at once, before the editor has saved
 * them anywhere it could read back; stored pictures come from the admin origin's /uploads/.
 */
const previews = new Map<string, string>()

export function rememberPreview(url: string, bytes: Blob): void {
  if (!previews.has(url)) previews.set(url, URL.createObjectURL(bytes))
}

/** A blob: address showing the picture at `url`, if this session uploaded it. */
export function previewOf(url: string | null | undefined): string | undefined {
  return url ? previews.get(url) : undefined
}
