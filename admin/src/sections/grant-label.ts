import type { MessageKey } from '../i18n.tsx'
import type { Grant, Site } from '../types.ts'
import { ROLES } from './roles.ts'

/**
 * A grant in words: `编辑 · 示范站 · 栏目 12 · 初审`. Sites the viewer cannot see are named by
 * their number; role codes the screen does not know are shown as they are.
 */
export function grantLabel(
  grant: Grant & { readonly columnName?: string | null },
  sites: readonly Site[],
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  const isKnown = (ROLES as readonly string[]).includes(grant.role)
  const parts = [isKnown ? t(`role.${grant.role}` as MessageKey) : grant.role]
  if (grant.siteId !== null) {
    const site = sites.find((candidate) => candidate.id === grant.siteId)
    parts.push(site ? site.name : t('siteNumber', { id: grant.siteId }))
  }
  // The users list names the column (columnName); elsewhere only its number is known.
  if (grant.columnId !== null) parts.push(grant.columnName ?? t('columnNumber', { id: grant.columnId }))
  if (grant.reviewLevel !== null && grant.reviewLevel >= 1 && grant.reviewLevel <= 3)
    parts.push(t(`level.${grant.reviewLevel}` as MessageKey))
  return parts.join(' · ')
}
