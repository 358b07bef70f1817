import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseToml, TomlError } from 'smol-toml'
import { z } from 'zod'
import { ConfigError } from '../errors/index.ts'

export const CONFIG_FILE = 'fabu.toml'

const configFileSchema = z
  .object({
    database_url: z
      .string()
      .regex(/^postgres(?:ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    content: z
      .object({
        recycle_bin_days: z.number().int().min(1).max(3650).default(30),
        iframe_hosts: z.array(z.string().regex(/^[a-z0-9.-]+$/, 'must be a host name')).default([]),
      })
      .strict()
      .default({ recycle_bin_days: 30, iframe_hosts: [] }),
  })
  .strict()

export interface Config {
  /** The data folder: the SQLite file, published sites and uploads live under it. */
  readonly dataDir: string
  /** Where the config was read from, or null when the folder has no config file yet. */
  readonly configPath: string | null
  /** PostgreSQL when set (from DATABASE_URL or the file); SQLite at `sqlitePath` otherwise. */
  readonly databaseUrl: string | undefined
  readonly sqlitePath: string
  readonly content: {
    readonly recycleBinDays: number
    readonly iframeHosts: readonly string[]
  }
}

/**
 * Reads `<dataDir>/fabu.toml` (optional) and the environment, checks them once and freezes
 * the result. DATABASE_URL in the environment wins over the file.
 */
export function resolveConfig(dataDir: string, env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const folder = resolve(dataDir)
  const path = join(folder, CONFIG_FILE)
  const raw = readConfigFile(path)
  const parsed = configFileSchema.safeParse(raw ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key =
      issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'config')
    throw new ConfigError(
      path,
      `${key}：${issue?.message ?? '无效'}`,
      `${key}: ${issue?.message ?? 'invalid'}`,
    )
  }
  const databaseUrl = env.DATABASE_URL || parsed.data.database_url
  if (env.DATABASE_URL && !/^postgres(?:ql)?:\/\/./.test(env.DATABASE_URL)) {
    throw new ConfigError('DATABASE_URL', '须为 postgres:// 开头的地址', 'must be a postgres:// URL')
  }
  return Object.freeze({
    dataDir: folder,
    configPath: raw === null ? null : path,
    databaseUrl,
    sqlitePath: join(folder, 'fabu.db'),
    content: Object.freeze({
      recycleBinDays: parsed.data.content.recycle_bin_days,
      iframeHosts: Object.freeze([...parsed.data.content.iframe_hosts]),
    }),
  })
}

function readConfigFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ConfigError(path, '无法读取配置文件', 'cannot read the config file')
  }
  try {
    return parseToml(text)
  } catch (error) {
    const where = error instanceof TomlError ? `${path}:${error.line}:${error.column}` : path
    throw new ConfigError(
      where,
      'TOML 语法错误',
      `TOML syntax error: ${(error as Error).message.split('\n')[0]}`,
    )
  }
}

/** The commented file `fabu init` writes. */
export const CONFIG_TEMPLATE = `# fabu 配置文件 / fabu configuration
# 本文件所在的文件夹是数据目录：SQLite 数据库、发布的站点和上传的文件都在这里。
# The folder holding this file is the data folder: the SQLite database, published sites
# and uploads live in it.

# 数据库。不设置时使用本目录下的 SQLite 文件 fabu.db；设置为 PostgreSQL 地址可支持多台服务器。
# 环境变量 DATABASE_URL 优先于这里的设置。
# The database. Unset: the SQLite file fabu.db in this folder. A PostgreSQL URL scales past
# one machine. The DATABASE_URL environment variable wins over this setting.
# database_url = "postgres://fabu@127.0.0.1:5432/fabu"

[content]
# 回收站保留天数，过期的内容在执行 \`fabu article purge\` 时彻底删除。
# Days deleted articles stay in the recycle bin before \`fabu article purge\` removes them for good.
recycle_bin_days = 30

# 正文中允许嵌入的 iframe 来源（仅 https），例如视频网站的播放器。
# Hosts whose https iframes article bodies may embed, e.g. a video player.
iframe_hosts = []
`
