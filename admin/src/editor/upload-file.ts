import { api } from '../api.ts'
import { rememberPreview } from './local-previews.ts'
import type { UploadResult } from './types.ts'

/** The picture types the site takes for the body and the cover (the server re-encodes them). */
export const PICTURE_TYPES = 'image/png,image/jpeg,image/gif,image/webp'

/** Uploads one file into the site (POST /api/sites/{site}/uploads, field `file`); pictures stay previewable. */
export async function uploadFile(siteId: number, file: Blob, name: string): Promise<UploadResult> {
  const body = new FormData()
  body.append('file', file, name)
  const result = await api<UploadResult>('POST', `/api/sites/${siteId}/uploads`, body)
  if (result.kind === 'image') rememberPreview(result.url, file)
  return result
}
