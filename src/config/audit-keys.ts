import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ConfigError } from '../errors/index.ts'

/** One HMAC key of the audit chain; entries and checkpoints name the key they were made with. */
export interface AuditKey {
  readonly id: string
  readonly secret: Buffer
}

/** The keys a process chains with (`current`, the last one) and verifies with (all of them). */
export interface AuditKeyring {
  readonly current: AuditKey
  readonly byId: ReadonlyMap<string, AuditKey>
  /** `FABU_AUDIT_KEY` or the key file's path, for messages. */
  readonly source: string
}

export const AUDIT_KEY_ENV = 'FABU_AUDIT_KEY'

/** Where a data folder keeps its audit keys, unless FABU_AUDIT_KEY holds them. */
export function auditKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', 'audit.key')
}

/**
 * The audit keys: FABU_AUDIT_KEY when set (it wins, so the key can live off the database
 * host's disk), else `<data>/keys/audit.key`, created with a first key (mode 0600) if missing.
 * Both hold `id:hex-secret` entries, one a line (or comma-separated), oldest first.
 */
export function loadAuditKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditKeyring {
  const fromEnv = env[AUDIT_KEY_ENV]
  if (fromEnv) return parseKeyring(fromEnv, AUDIT_KEY_ENV)
  const path = auditKeyPath(dataDir)
  if (!existsSync(path)) writeKeyFile(path, `${keyFileHeader}${formatKey(newAuditKey())}\n`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new ConfigError(path, `无法读取审计密钥（${code}）`, `cannot read the audit key (${code})`)
  }
  return parseKeyring(text, path)
}

/**
 * Adds a new current key and keeps the old ones, which still verify the entries chained with
 * them. With FABU_AUDIT_KEY set nothing is written: the new entry is returned for the
 * operator to append to the variable.
 */
export function rotateAuditKey(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { readonly key: AuditKey; readonly line: string; readonly written: string | null } {
  const keyring = loadAuditKeys(dataDir, env)
  let key = newAuditKey()
  while (keyring.byId.has(key.id)) key = newAuditKey()
  const line = formatKey(key)
  if (env[AUDIT_KEY_ENV]) return { key, line, written: null }
  const path = auditKeyPath(dataDir)
  appendFileSync(path, `${line}\n`, { mode: 0o600 })
  return { key, line, written: path }
}

export function newAuditKey(): AuditKey {
  return { id: `k${randomBytes(4).toString('hex')}`, secret: randomBytes(32) }
}

function formatKey(key: AuditKey): string {
  return `${key.id}:${key.secret.toString('hex')}`
}

const keyFileHeader = `# fabu 审计日志密钥：勿与数据库放在一起备份；最后一行是当前密钥，旧密钥用于校验旧记录。
# fabu audit log keys: keep them away from the database and its backups. The last line is
# the current key; older lines verify older records. \`fabu audit rotate-key\` adds one.
`

function parseKeyring(text: string, source: string): AuditKeyring {
  const entries = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  const byId = new Map<string, AuditKey>()
  for (const entry of entries) {
    const match = /^(?:([A-Za-z0-9_-]{1,32}):)?([0-9a-fA-F]{64,})$/.exec(entry)
    if (!match?.[2] || match[2].length % 2 !== 0) {
      throw new ConfigError(
        source,
        '审计密钥须为“编号:64 位以上十六进制”，如 k1:$(openssl rand -hex 32)',
        'an audit key is `id:hex` with at least 64 hex digits, e.g. k1:$(openssl rand -hex 32)',
      )
    }
    const id = match[1] ?? 'env'
    byId.set(id, { id, secret: Buffer.from(match[2], 'hex') })
  }
  const current = [...byId.values()].at(-1)
  if (!current) throw new ConfigError(source, '没有审计密钥', 'holds no audit key')
  return Object.freeze({ current, byId, source })
}

function writeKeyFile(path: string, text: string): void {
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 })
    writeFileSync(path, text, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    if (code === 'EEXIST') return
    throw new ConfigError(path, `无法创建审计密钥（${code}）`, `cannot create the audit key (${code})`)
  }
}
