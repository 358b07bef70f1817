export { isUniqueViolation } from './constraint-errors.ts'
export type { Engine } from './engine.ts'
export { currentVersion, latestSchemaVersion, type MigrationResult, migrate } from './migrate.ts'
export type { Migration } from './migrations/index.ts'
export { NodeSqliteDialect, type NodeSqliteOptions } from './node-sqlite-dialect.ts'
export {
  openSqliteReader,
  openSqliteWriter,
  openStore,
  openStoreAsIs,
  type Store,
  type StoreOptions,
  type Tx,
} from './open-store.ts'
export type * from './schema.ts'
export { countSearchChanges, searchFileOf } from './search-file.ts'
export {
  type ReaderTask,
  SqliteReaders,
  type SqliteReadersOptions,
  SqliteWriter,
  type SqliteWriterOptions,
  type WriterTask,
} from './sqlite-readers.ts'
