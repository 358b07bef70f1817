import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../errors/index.ts'

/**
 * The AES-256 keys that encrypt the public's personal data (names, phones, e-mail, ID numbers)
 * in letters and applications. Like the audit key they live outside the database, so a copy
 * of the database file alone reveals no phone number.
 */
export interface PersonalDataKeyring {
  /** The key new values are encrypted with (the last one). */
  readonly current: { readonly id: string; readonly secret: Buffer }
  /** Every key, by id: values encrypted under an older key still decrypt. */
  readonly byId: ReadonlyMap<string, Buffer>
  readonly source: string
}

export const INTERACTION_KEY_ENV = 'FABU_INTERACTION_KEY'

export function interactionKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'interaction.key')
}

/**
 * FABU_INTERACTION_KEY when set, else `<data>/keys/interaction.key`, created with a first key
 * (mode 0600) if missing. Both hold `id:hex` entries of 32 bytes, one a line or comma-separated.
 */
export function loadInteractionKeys(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): PersonalDataKeyring {
  const fromEnv = env[INTERACTION_KEY_ENV]
  if (fromEnv) return parseKeys(fromEnv, INTERACTION_KEY_ENV)
  const path = interactionKeyPath(dataDir)
  if (!existsSync(path)) {
    const line = `p${randomBytes(4).toString('hex')}:${randomBytes(32).toString('hex')}`
    try {
      mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 })
      writeFileSync(path, `${header}${line}\n`, { flag: 'wx', mode: 0o600 })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error'
      if (code !== 'EEXIST')
        throw new ConfigError(path, `无法创建个人信息密钥（${code}）`, `cannot create the key (${code})`)
    }
  }
  try {
    return parseKeys(readFileSync(path, 'utf8'), path)
  } catch (error) {
    if (error instanceof ConfigError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(path, `无法读取个人信息密钥（${code}）`, `cannot read the key (${code})`)
  }
}

const header = `# fabu 政民互动个人信息加密密钥（AES-256-GCM）：丢失则无法解密来信人的联系方式；勿与数据库一起备份。
# fabu key for the public's personal data in letters (AES-256-GCM): without it contact details
# cannot be decrypted; keep it away from the database and its backups. The last line is current.
`

function parseKeys(text: string, source: string): PersonalDataKeyring {
  const byId = new Map<string, Buffer>()
  for (const entry of text.split(/[\n,]/).map((line) => line.trim())) {
    if (!entry || entry.startsWith('#')) continue
    const match = /^([A-Za-z0-9_-]{1,32}):([0-9a-fA-F]{64})$/.exec(entry)
    if (!match?.[1] || !match[2]) {
      throw new ConfigError(
        source,
        '个人信息密钥须为“编号:64 位十六进制”，如 p1:$(openssl rand -hex 32)',
        'a personal-data key is `id:hex` with 64 hex digits, e.g. p1:$(openssl rand -hex 32)',
      )
    }
    byId.set(match[1], Buffer.from(match[2], 'hex'))
  }
  const last = [...byId.entries()].at(-1)
  if (!last) throw new ConfigError(source, '没有个人信息密钥', 'holds no personal-data key')
  return Object.freeze({ current: { id: last[0], secret: last[1] }, byId, source })
}
