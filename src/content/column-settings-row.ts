import type { z } from 'zod'
import type { ColumnKind, ColumnUpdateType, columnPatchSchema } from './column-inputs.ts'

type ColumnSettings = z.output<typeof columnPatchSchema>

/** A column's settings as the columns of its row. */
export interface ColumnSettingsRow {
  readonly name?: string
  readonly slug?: string
  readonly kind?: ColumnKind
  readonly page_size?: number
  readonly includes_descendants?: boolean
  readonly is_disclosure?: boolean
  readonly review_levels?: number
  readonly update_type?: ColumnUpdateType
  readonly link_url?: string | null
  readonly page_body_html?: string
  readonly list_template?: string | null
  readonly article_template?: string | null
  readonly field_schema?: string
}

/**
 * A column's settings as its row's columns, for creating it (every setting given) and for
 * changing it (a setting left out stays undefined, which the update leaves alone). The body is
 * the cleaned one.
 */
export function columnSettingsRow(
  values: Required<ColumnSettings>,
  cleanedBody: string,
): Required<ColumnSettingsRow>
export function columnSettingsRow(values: ColumnSettings, cleanedBody: string | undefined): ColumnSettingsRow
export function columnSettingsRow(
  values: ColumnSettings,
  cleanedBody: string | undefined,
): ColumnSettingsRow {
  return {
    name: values.name,
    slug: values.slug,
    kind: values.kind,
    page_size: values.pageSize,
    includes_descendants: values.includesDescendants,
    is_disclosure: values.isDisclosure,
    review_levels: values.reviewLevels,
    update_type: values.updateType,
    link_url: values.linkUrl,
    page_body_html: cleanedBody,
    list_template: values.listTemplate,
    article_template: values.articleTemplate,
    field_schema: values.fieldSchema === undefined ? undefined : JSON.stringify(values.fieldSchema),
  }
}
