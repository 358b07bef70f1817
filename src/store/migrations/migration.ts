import type { Kysely } from 'kysely'
import type { Engine } from '../engine.ts'

/** One step of the schema. Versions only grow; a released migration is never edited. */
export interface Migration {
  readonly version: number
  readonly name: string
  up(db: Kysely<unknown>, engine: Engine): Promise<void>
}
