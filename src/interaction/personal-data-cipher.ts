import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import type { PersonalDataKeyring } from '../config/index.ts'

/**
 * Encrypts one personal field with AES-256-GCM. The stored text is `v1.<key id>.<base64url of
 * iv|tag|ciphertext>`; the field's place (`case:<query code>:phone`) is the associated data,
 * so a value copied onto another case or field no longer decrypts.
 */
export class PersonalDataCipher {
  readonly #keys: PersonalDataKeyring

  constructor(keys: PersonalDataKeyring) {
    this.#keys = keys
  }

  seal(plain: string, place: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#keys.current.secret, iv)
    cipher.setAAD(Buffer.from(place))
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
    return `v1.${this.#keys.current.id}.${packed}`
  }

  /** The plain text, or null where the value cannot be opened (unknown key, tampered, wrong place). */
  open(sealed: string, place: string): string | null {
    const [version, keyId, packed] = sealed.split('.')
    const key = keyId ? this.#keys.byId.get(keyId) : undefined
    if (version !== 'v1' || !key || !packed) return null
    const bytes = Buffer.from(packed, 'base64url')
    if (bytes.length < 28) return null
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12))
      decipher.setAAD(Buffer.from(place))
      decipher.setAuthTag(bytes.subarray(12, 28))
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')
    } catch {
      return null
    }
  }

  /** A keyed digest (for duplicate detection and form tokens) that reveals nothing without the key. */
  digest(purpose: string, value: string): string {
    return createHmac('sha256', this.#keys.current.secret).update(`${purpose}\n${value}`).digest('base64url')
  }
}
