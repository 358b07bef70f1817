import { type BilingualMessage, FabuError } from './fabu-error.ts'

/**
 * The base class of an error that is nothing but its stable code, its HTTP status and its
 * messages: fixed ones, or ones made from the constructor's arguments. An error that also
 * carries something its catcher reads (a field, a retry delay taken from the caller, a cause)
 * extends FabuError itself and says so in its constructor.
 *
 * The code stands as the first argument, where the docs/errors.md test finds it.
 *
 * @example
 * export class ColumnCycleError extends defineError('COLUMN_CYCLE', 422, (columnName: string) => ({
 *   zh: `不能把栏目「${columnName}」移到它自己或它的下级栏目之下`,
 *   en: `column "${columnName}" cannot be moved under itself or one of its descendants`,
 * })) {}
 */
export function defineError<const Code extends string, Args extends unknown[] = []>(
  code: Code,
  status: number,
  messages: BilingualMessage | ((...args: Args) => BilingualMessage),
) {
  return class extends FabuError {
    readonly code: Code = code
    readonly status: number = status
    constructor(...args: Args) {
      super(typeof messages === 'function' ? messages(...args) : messages)
    }
  }
}
