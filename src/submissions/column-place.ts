import type { Kysely } from 'kysely'
import type { ContentPlace } from '../content/index.ts'
import { NotFoundError } from '../errors/index.ts'
import type { Database } from '../store/index.ts'

type Reader = Pick<Kysely<Database>, 'selectFrom'>

export interface PlacedColumn {
  readonly id: number
  readonly siteId: number
  readonly name: string
  readonly place: ContentPlace
}

/** A live column with its ancestors, for the permission checks of `canWrite`. */
export async function placeColumn(tx: Reader, columnId: number): Promise<PlacedColumn> {
  const column = await tx
    .selectFrom('columns')
    .select(['id', 'site_id', 'name'])
    .where('id', '=', columnId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!column) throw new NotFoundError('column', columnId)
  const parents = await sitePlaces(tx, column.site_id)
  return { id: column.id, siteId: column.site_id, name: column.name, place: parents(column.id) }
}

/** Every column's place in one site, from one read of its tree. */
export async function sitePlaces(tx: Reader, siteId: number): Promise<(columnId: number) => ContentPlace> {
  const rows = await tx
    .selectFrom('columns')
    .select(['id', 'parent_id'])
    .where('site_id', '=', siteId)
    .execute()
  const parentOf = new Map(rows.map((row) => [row.id, row.parent_id]))
  return (columnId) => {
    const path: number[] = []
    for (
      let at: number | null | undefined = columnId;
      at != null && !path.includes(at);
      at = parentOf.get(at)
    ) {
      path.push(at)
    }
    return { siteId, columnPath: path }
  }
}
