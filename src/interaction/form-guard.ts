import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

/** A challenge a person answers and a script must at least read: two small numbers to add. */
export interface IssuedForm {
  readonly token: string
  readonly question: string
}

export type FormCheck = 'ok' | 'missing' | 'expired' | 'wrong-answer' | 'used' | 'cross-origin'

const TOKEN_LIFETIME_MS = 2 * 3600_000

/** Records a nonce as used until `expiresAt`; false when it was used already (on any server). */
export type SpendToken = (nonce: string, expiresAt: number, now: number) => Promise<boolean>

/**
 * The per-form token of the public forms: `box.issued.nonce.mac`, where the MAC (keyed with
 * the installation's secret) covers the mailbox, the time, the nonce and the challenge's
 * answer. Nothing is stored per form served; a nonce is remembered in the database once used,
 * so a token works once, whichever server it is posted to. A form posted from another origin
 * is refused outright, token or not.
 */
export class FormGuard {
  readonly #mac: (value: string) => string
  readonly #spend: SpendToken
  readonly #now: () => number

  constructor(mac: (value: string) => string, spend: SpendToken, now: () => number = Date.now) {
    this.#mac = mac
    this.#spend = spend
    this.#now = now
  }

  issue(formId: string): IssuedForm {
    const a = randomInt(1, 10)
    const b = randomInt(1, 10)
    const issued = this.#now().toString(36)
    const nonce = randomBytes(12).toString('base64url')
    const mac = this.#mac(`${formId}.${issued}.${nonce}.${a + b}`)
    return { token: `${issued}.${nonce}.${mac}`, question: `${a} 加 ${b} 等于几？` }
  }

  async check(
    formId: string,
    token: string | undefined,
    answer: string | undefined,
    origin: {
      readonly origin?: string | undefined
      readonly referer?: string | undefined
      readonly host?: string | undefined
    },
  ): Promise<FormCheck> {
    if (!isSameOrigin(origin)) return 'cross-origin'
    const [issued, nonce, mac] = (token ?? '').split('.')
    if (!issued || !nonce || !mac) return 'missing'
    const age = this.#now() - Number.parseInt(issued, 36)
    if (!(age >= 0 && age <= TOKEN_LIFETIME_MS)) return 'expired'
    const expected = Buffer.from(this.#mac(`${formId}.${issued}.${nonce}.${(answer ?? '').trim()}`))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'wrong-answer'
    const now = this.#now()
    const expiresAt = Number.parseInt(issued, 36) + TOKEN_LIFETIME_MS
    return (await this.#spend(nonce, expiresAt, now)) ? 'ok' : 'used'
  }
}

/** Origin (or, without it, Referer) must name the host the form was posted to; neither is fine. */
function isSameOrigin(headers: {
  origin?: string | undefined
  referer?: string | undefined
  host?: string | undefined
}) {
  const claimed = headers.origin ?? headers.referer
  if (!claimed || claimed === 'null') return claimed === undefined
  try {
    return new URL(claimed).host === headers.host
  } catch {
    return false
  }
}
