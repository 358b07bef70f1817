import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * Password hashes as self-describing strings, `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (salt and
 * hash in unpadded base64, as in the PHC string format), so the cost can rise later while
 * old hashes still verify and are replaced at the next sign-in (see `needsRehash`).
 */

interface ScryptParams {
  readonly ln: number // log2 of the cost N
  readonly r: number
  readonly p: number
}

interface StoredHash extends ScryptParams {
  readonly salt: Buffer
  readonly hash: Buffer
}

// OWASP Password Storage Cheat Sheet: scrypt with N=2^15, r=8, p=1 at the least.
const CURRENT: ScryptParams = { ln: 15, r: 8, p: 1 }
const SALT_BYTES = 16
const KEY_BYTES = 32

// Bounds for what a stored value may ask of us: a corrupt or planted row must not make a
// sign-in compute for minutes or allocate gigabytes.
const LIMITS = { memoryBytes: 256 * 1024 * 1024, p: 16, minSalt: 8, minKey: 16, maxKey: 64 }

const STORED_FORMAT =
  /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)={0,2}\$([A-Za-z0-9+/]+)={0,2}$/

/** Hashes a password for storage; ~50–100 ms by design. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(password, salt, CURRENT, KEY_BYTES)
  return encode({ ...CURRENT, salt, hash })
}

/** Whether `password` is the one `stored` was made from; false, never a throw, for a malformed `stored`. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = decode(stored)
  if (!parsed) return false
  const hash = await derive(password, parsed.salt, parsed, parsed.hash.length)
  return timingSafeEqual(hash, parsed.hash)
}

/** Whether `stored` was made with weaker settings than today's, so it should be replaced after a good sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = decode(stored)
  if (!parsed) return true
  return (
    parsed.ln < CURRENT.ln ||
    parsed.r < CURRENT.r ||
    parsed.p < CURRENT.p ||
    parsed.salt.length < SALT_BYTES ||
    parsed.hash.length < KEY_BYTES
  )
}

// Only its cost matters: built from the current settings, it always takes as long as a real
// check. No password derives an all-zero key (the odds are 2^-256).
const DUMMY_HASH = encode({ ...CURRENT, salt: Buffer.alloc(SALT_BYTES), hash: Buffer.alloc(KEY_BYTES) })

/**
 * Spends the time of a real check and answers false. Call it when the user name is unknown,
 * so the response time does not tell an attacker which user names exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, DUMMY_HASH)
  return false
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  // NFKC: the same password typed with a Chinese IME in full-width mode (`Ｐａｓｓ１２３！`)
  // and in half-width mode (`Pass123!`) must be one password, or users are locked out by
  // their input method. NIST SP 800-63B §5.1.1.2 asks for NFKC or NFKD before hashing.
  const normalized = password.normalize('NFKC')
  const N = 2 ** params.ln
  // scrypt needs 128·N·r bytes, exactly the default maxmem of 32 MiB at N=2^15, r=8: give room.
  const maxmem = 256 * N * params.r
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, keyBytes, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

function encode(stored: StoredHash): string {
  const base64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '')
  return `scrypt$ln=${stored.ln},r=${stored.r},p=${stored.p}$${base64(stored.salt)}$${base64(stored.hash)}`
}

function decode(stored: string): StoredHash | null {
  const match = STORED_FORMAT.exec(stored)
  if (!match) return null
  const [ln, r, p] = [match[1], match[2], match[3]].map(Number) as [number, number, number]
  const salt = Buffer.from(match[4] ?? '', 'base64')
  const hash = Buffer.from(match[5] ?? '', 'base64')
  const isWithinLimits =
    ln >= 1 &&
    r >= 1 &&
    128 * 2 ** ln * r <= LIMITS.memoryBytes &&
    p >= 1 &&
    p <= LIMITS.p &&
    salt.length >= LIMITS.minSalt &&
    hash.length >= LIMITS.minKey &&
    hash.length <= LIMITS.maxKey
  return isWithinLimits ? { ln, r, p, salt, hash } : null
}
