import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { ValidationError } from '../errors/index.ts'

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps make them: HMAC-SHA1,
 * 30-second steps, 6 digits. 等保2.0 level 3 asks for two kinds of authentication for
 * administrators; this is the second.
 */

const STEP_SECONDS = 30
const DIGITS = 6
const SECRET_BYTES = 20 // RFC 4226 §4: at least 128 bits, 160 recommended
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** A new shared secret, base32 (RFC 4648) without padding, as authenticator apps expect it. */
export function generateTotpSecret(): string {
  return toBase32(randomBytes(SECRET_BYTES))
}

/** The code an authenticator shows at `at`. */
export function totpCode(secret: string, at: Date): string {
  return codeForStep(fromBase32(secret), stepAt(at))
}

/**
 * The time step `code` belongs to, looking `window` steps either side of `now` for clocks
 * that drift, or null. Store the step of each accepted code and refuse a code whose step is
 * not newer, so an overheard code cannot be used twice (RFC 6238 §5.2).
 */
export function verifyTotp(secret: string, code: string, now: Date, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const key = fromBase32(secret)
  const given = Buffer.from(code)
  const current = stepAt(now)
  const reach = Math.max(0, Math.floor(window))
  let matched: number | null = null
  // Every step in the window is compared, matched or not, so the time taken tells nothing.
  for (let step = Math.max(0, current - reach); step <= current + reach; step++) {
    if (timingSafeEqual(Buffer.from(codeForStep(key, step)), given) && matched === null) matched = step
  }
  return matched
}

/**
 * The `otpauth://` address a QR code carries to an authenticator app
 * (https://github.com/google/google-authenticator/wiki/Key-Uri-Format).
 *
 * @example totpUri(secret, 'zhangsan', '某某市人民政府') // otpauth://totp/%E6%9F%90…:zhangsan?secret=…
 */
export function totpUri(secret: string, accountName: string, issuer = 'fabu'): string {
  // encodeURIComponent, not URLSearchParams: some apps show a `+` for a space literally.
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`
  const query = [
    `secret=${toBase32(fromBase32(secret))}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    `digits=${DIGITS}`,
    `period=${STEP_SECONDS}`,
  ]
  return `otpauth://totp/${label}?${query.join('&')}`
}

function stepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / STEP_SECONDS)
}

// RFC 4226 §5.3: HMAC of the 8-byte counter, then dynamic truncation to 31 bits.
function codeForStep(key: Buffer, step: number): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const mac = createHmac('sha1', key).update(counter).digest()
  const offset = (mac.at(-1) ?? 0) & 0x0f
  const truncated = mac.readUInt32BE(offset) & 0x7fffffff
  return String(truncated % 10 ** DIGITS).padStart(DIGITS, '0')
}

function toBase32(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

// Lenient as people type a secret from a screen: lower case, spaces and padding are fine.
function fromBase32(secret: string): Buffer {
  const cleaned = secret.toUpperCase().replace(/[\s=]/g, '')
  if (cleaned === '' || !/^[A-Z2-7]+$/.test(cleaned)) {
    throw new ValidationError('totpSecret', '不是有效的 base32 密钥', 'not a valid base32 secret')
  }
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const char of cleaned) {
    value = ((value << 5) | BASE32.indexOf(char)) & 0xffff
    bits += 5
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(bytes)
}
