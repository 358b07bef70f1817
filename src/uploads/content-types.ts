/** What fabu accepts, by the canonical extension it stores the file under. */
const CONTENT_TYPES = {
  jpg: { kind: 'image', mimeType: 'image/jpeg' },
  png: { kind: 'image', mimeType: 'image/png' },
  gif: { kind: 'image', mimeType: 'image/gif' },
  webp: { kind: 'image', mimeType: 'image/webp' },
  pdf: { kind: 'attachment', mimeType: 'application/pdf' },
  docx: {
    kind: 'attachment',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  xlsx: { kind: 'attachment', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: {
    kind: 'attachment',
    mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  doc: { kind: 'attachment', mimeType: 'application/msword' },
  xls: { kind: 'attachment', mimeType: 'application/vnd.ms-excel' },
  ppt: { kind: 'attachment', mimeType: 'application/vnd.ms-powerpoint' },
  // Kingsoft WPS files; these are the types WPS Office registers on Linux (no IANA type exists).
  wps: { kind: 'attachment', mimeType: 'application/wps-office.wps' },
  et: { kind: 'attachment', mimeType: 'application/wps-office.et' },
  // GB/T 33190-2016, the Chinese fixed-layout document format.
  ofd: { kind: 'attachment', mimeType: 'application/ofd' },
  zip: { kind: 'attachment', mimeType: 'application/zip' },
  rar: { kind: 'attachment', mimeType: 'application/vnd.rar' },
  '7z': { kind: 'attachment', mimeType: 'application/x-7z-compressed' },
  // Only valid UTF-8 is accepted, so the charset can be stated.
  txt: { kind: 'attachment', mimeType: 'text/plain; charset=utf-8' },
  csv: { kind: 'attachment', mimeType: 'text/csv; charset=utf-8' },
  mp4: { kind: 'attachment', mimeType: 'video/mp4' },
  mp3: { kind: 'attachment', mimeType: 'audio/mpeg' },
} as const satisfies Record<string, { kind: 'image' | 'attachment'; mimeType: string }>

export type Extension = keyof typeof CONTENT_TYPES
export type ImageExtension = 'jpg' | 'png' | 'gif' | 'webp'

export interface ContentType {
  readonly kind: 'image' | 'attachment'
  readonly mimeType: string
  readonly extension: Extension
}

export function contentTypeOf(extension: Extension): ContentType {
  return { ...CONTENT_TYPES[extension], extension }
}

export function isKnownExtension(value: string): value is Extension {
  return Object.hasOwn(CONTENT_TYPES, value)
}

export function isImageExtension(value: string): value is ImageExtension {
  return value === 'jpg' || value === 'png' || value === 'gif' || value === 'webp'
}
