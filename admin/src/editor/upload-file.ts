import { api } from '../api.ts'
import { rememberPreview } from './local-previews.ts'
import type { UploadResult } from './types.ts'

/** The picture types the site takes for the body and the cover (the server re-encodes them). */
export const PICTURE_TYPES = 'image/png,image/jpeg,image/gif,image/webp'

/** Uploads one file into the site (POST /api/sites/{site}/uploads, field `file`); pictures stay previewable. */
export async function uploadFile(
  siteId: number,
  file: Blob,
  name: string,
  options: { keepsOriginal?: boolean } = {},
): Promise<UploadResult> {
  const body = new FormData()
  body.append('file', file, name)
  // Pictures are scaled down for the web; the full-size one is kept only when asked for.
  const query = options.keepsOriginal ? '?keepOriginal=true' : ''
  const result = await api<UploadResult>('POST', `/api/sites/${siteId}/uploads${query}`, body)
  // The preview from memory would show the full-size picture where the scaled one is stored.
  if (result.kind === 'image' && !result.original) rememberPreview(result.url, file)
  return result
}
