const MAX_LENGTH = 120

// C0 and C1 controls (NUL included), and the bidi controls that can make `fdp.exe` read `exe.pdf`.
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu
// Characters Windows refuses in file names; the name is offered again when a reader downloads.
const WINDOWS_RESERVED = /[<>:"|?*]/g
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i
// What is taken for an extension to replace: `.pdf`, `.v2`, not `.5版` in `第1.5版`.
const EXTENSION_LIKE = /^[a-z][a-z0-9]{0,4}$/i

/**
 * The uploaded name made safe to show and to offer for download: no folders, no control or
 * bidi characters, no leading dots, at most 120 characters, and, when given, ending in the
 * extension the content was found to be.
 *
 * @example safeDisplayName('..\\..\\关于2024年计量工作的通知.PDF', 'pdf') // '关于2024年计量工作的通知.pdf'
 */
export function safeDisplayName(fileName: string, extension?: string): string {
  const cleaned = lastSegment(fileName.normalize('NFC'))
    .replace(INVISIBLE, '')
    .replace(WINDOWS_RESERVED, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const { stem, suffix } = splitExtension(cleaned, extension)
  const safeStem = WINDOWS_DEVICE.test(stem) ? `_${stem}` : stem
  return withSuffix(safeStem || 'file', suffix)
}

function lastSegment(name: string): string {
  return name.split(/[/\\]/).pop() ?? ''
}

function splitExtension(name: string, extension?: string): { stem: string; suffix: string } {
  const dot = name.lastIndexOf('.')
  const current = dot > 0 ? name.slice(dot + 1) : ''
  const hasExtension = EXTENSION_LIKE.test(current)
  const stem = hasExtension ? name.slice(0, dot).replace(/[\s.]+$/, '') : name
  if (extension !== undefined) return { stem, suffix: extension.toLowerCase().replace(/[^a-z0-9]/g, '') }
  return { stem, suffix: hasExtension ? current : '' }
}

/** Joins stem and extension, shortening the stem (by whole characters) to fit the cap. */
function withSuffix(stem: string, suffix: string): string {
  const room = MAX_LENGTH - (suffix ? suffix.length + 1 : 0)
  const characters = Array.from(stem)
  const shortened =
    characters.length > room
      ? characters
          .slice(0, room)
          .join('')
          .replace(/[\s.]+$/, '')
      : stem
  return suffix ? `${shortened}.${suffix}` : shortened
}
