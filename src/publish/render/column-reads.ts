import type { ColumnView, SiteRenderContext } from './render-context.ts'

/** The key a page records when it shows another column's name or navigation: `column:12`. */
export function columnKey(columnId: number): string {
  return `column:${columnId}`
}

/**
 * The run's columns as views that record who reads them. A page that shows another column's
 * name, breadcrumb, children or siblings (a home page's column blocks, say) records that
 * column's key, so renaming it rebuilds the page. Reads of the page's own column are not
 * kept (the renderer drops that key): the planner knows a column's own pages and articles
 * without a key per page, which keeps the dependency table as small as it was. Every read is
 * recorded here, though, so a remembered partial replays it on the pages of other columns.
 */
export function withColumnReads(context: SiteRenderContext, read: (key: string) => void): SiteRenderContext {
  const columns: Record<number, ColumnView> = {}
  for (const [id, column] of Object.entries(context.columns)) {
    const view = {} as Record<string, unknown>
    for (const [field, value] of Object.entries(column)) {
      Object.defineProperty(view, field, {
        enumerable: true,
        get() {
          if (field !== 'id') read(columnKey(column.id))
          return value
        },
      })
    }
    columns[Number(id)] = view as unknown as ColumnView
  }
  return { ...context, columns }
}
