import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely'

type DataTypeExpression = ColumnDataType

export type Engine = 'sqlite' | 'postgres'

/** The column types that differ between the engines, for migrations. */
export interface EngineTypes {
  readonly timestamp: DataTypeExpression
  readonly json: DataTypeExpression
  readonly flag: DataTypeExpression
  /** An integer primary key the database numbers itself. */
  identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder
}

export function engineTypes(engine: Engine): EngineTypes {
  if (engine === 'postgres') {
    return {
      timestamp: 'timestamptz',
      json: 'jsonb',
      flag: 'boolean',
      identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
    }
  }
  return {
    timestamp: 'text',
    json: 'text',
    flag: 'integer',
    identity: (column) => column.primaryKey().autoIncrement(),
  }
}
