/** A message in both of fabu's languages. */
export interface BilingualMessage {
  readonly zh: string
  readonly en: string
}

/**
 * The one base class of fabu's errors: a stable `code` that callers and docs/errors.md
 * rely on, an HTTP status for the server, and a message in Chinese and English.
 */
export abstract class FabuError extends Error {
  abstract readonly code: string
  abstract readonly status: number
  readonly messages: BilingualMessage

  constructor(messages: BilingualMessage, options?: { cause?: unknown }) {
    super(messages.en, options)
    this.messages = messages
    this.name = new.target.name
  }

  /** The message in the reader's language, `zh` unless they asked for English. */
  localized(language: string): string {
    return language.startsWith('en') ? this.messages.en : this.messages.zh
  }
}

export function isFabuError(error: unknown): error is FabuError {
  return error instanceof FabuError
}
