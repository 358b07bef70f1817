export {
  AlreadyExistsError,
  asFabuError,
  ColumnCycleError,
  ColumnNotEmptyError,
  ConfigError,
  DatabaseTooNewError,
  DatabaseUnavailableError,
  InternalError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  VersionConflictError,
} from './errors.ts'
export { type BilingualMessage, FabuError, isFabuError } from './fabu-error.ts'
