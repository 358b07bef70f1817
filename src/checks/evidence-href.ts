import type { EvidenceRef } from './inspection-item.ts'

/**
 * Where a visitor finds what a line of evidence is about on the public site, or null when it
 * has no public page (a case, an unpublished article). Used by the exports; the admin screen
 * opens articles in the editor instead.
 */
export function evidenceHref(ref: EvidenceRef | null | undefined, baseUrl: string): string | null {
  if (!ref) return null
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  if (ref.kind === 'page') return new URL(ref.path, base).href
  if (ref.kind === 'column') return new URL(`${ref.path}/`, base).href
  if (ref.kind === 'article' && ref.path) return new URL(ref.path, base).href
  return null
}
