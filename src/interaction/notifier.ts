/** One e-mail to send. Plain text: nothing a visitor wrote is ever rendered as HTML in mail. */
export interface Notice {
  readonly to: readonly string[]
  readonly subject: string
  readonly text: string
}

/** Where notices go: SMTP in production (smtp-notifier.ts), anything with `send` in tests. */
export interface Notifier {
  send(notice: Notice): Promise<void>
}

/**
 * Sends notices after the change they tell of has committed, without holding up the visitor
 * or the handler: a failure is reported to `onError`, never to them. `settled` waits for the
 * notices in flight (tests, shutdown).
 */
export class NoticeQueue {
  readonly #notifier: Notifier | null
  readonly #onError: (error: unknown) => void
  readonly #inFlight = new Set<Promise<void>>()

  constructor(notifier: Notifier | null, onError: (error: unknown) => void) {
    this.#notifier = notifier
    this.#onError = onError
  }

  post(notice: Notice): void {
    if (!this.#notifier || notice.to.length === 0) return
    const sending = this.#notifier.send(notice).catch(this.#onError)
    this.#inFlight.add(sending)
    void sending.finally(() => this.#inFlight.delete(sending))
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#inFlight])
  }
}
