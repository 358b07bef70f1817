/**
 * Pictures uploaded in this session, shown from memory. The admin origin does not serve the
 * site's /uploads/ (the published site does, on its own origin, which the admin's
 * Content-Security-Policy does not let images load from), so a stored picture can only be
 * shown in the editor when this browser still holds its bytes.
 */
const previews = new Map<string, string>()

export function rememberPreview(url: string, bytes: Blob): void {
  if (!previews.has(url)) previews.set(url, URL.createObjectURL(bytes))
}

/** A blob: address showing the picture at `url`, if this session uploaded it. */
export function previewOf(url: string | null | undefined): string | undefined {
  return url ? previews.get(url) : undefined
}
