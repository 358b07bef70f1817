import { Button } from 'antd'
import { useI18n } from '../i18n.tsx'
import type { EvidenceRef, InspectionItem } from './inspection-types.ts'

/** The public address of a page, column or published article, or null (src/checks/evidence-href.ts). */
function publicHref(ref: EvidenceRef | null | undefined, baseUrl: string): string | null {
  if (!ref) return null
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  if (ref.kind === 'page') return new URL(ref.path, base).href
  if (ref.kind === 'column') return new URL(`${ref.path}/`, base).href
  if (ref.kind === 'article' && ref.path) return new URL(ref.path, base).href
  return null
}

/**
 * The evidence of one indicator, each line linked to what it is about: articles open in the
 * editor, pages and columns on the public site.
 */
export function EvidenceList({
  item,
  baseUrl,
  limit,
  onOpenArticle,
}: {
  item: InspectionItem
  baseUrl: string
  /** Lines shown before "n more" (the card); all when unset (the report). */
  limit?: number
  onOpenArticle?: ((id: number) => void) | undefined
}) {
  const { t } = useI18n()
  if (item.evidence.length === 0) return null
  const shown = limit === undefined ? item.evidence : item.evidence.slice(0, limit)
  return (
    <ul className="inspection-evidence">
      {shown.map((line, index) => {
        const ref = item.refs?.[index]
        const href = publicHref(ref, baseUrl)
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat; their order is fixed
          <li key={index}>
            {href ? (
              <a href={href} target="_blank" rel="noreferrer">
                {line}
              </a>
            ) : (
              line
            )}
            {ref?.kind === 'article' && onOpenArticle ? (
              <>
                {' '}
                <Button type="link" size="small" onClick={() => onOpenArticle(ref.id)}>
                  {t('inspectionOpenArticle')}
                </Button>
              </>
            ) : null}
            {ref?.kind === 'case' ? <> · {t('inspectionCase', { id: ref.id })}</> : null}
          </li>
        )
      })}
      {item.evidence.length > shown.length ? (
        <li>{t('inspectionMoreEvidence', { n: item.evidence.length - shown.length })}</li>
      ) : null}
    </ul>
  )
}
