import { readFileSync } from 'node:fs'
import { isIP } from 'node:net'
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
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        admin_port: z.number().int().min(0).max(65535).default(8081),
        public_port: z.number().int().min(0).max(65535).default(8080),
        trusted_proxies: z.array(z.string().min(1)).default([]),
        secure_cookies: z.enum(['auto', 'always', 'never']).default('auto'),
        max_upload_mb: z.number().int().min(1).max(2048).default(20),
        searches_per_minute: z.number().int().min(1).max(1_000_000).default(120),
        api_requests_per_minute: z.number().int().min(1).max(1_000_000).default(1_200),
        search_workers: z.number().int().min(0).max(16).default(2),
        list_workers: z.number().int().min(0).max(16).default(2),
      })
      .strict()
      .prefault({}),
    accounts: z
      .object({
        password_profile: z.enum(['dengbao', 'asvs']).default('dengbao'),
        lockout_threshold: z.number().int().min(1).max(100).default(5),
        lockout_minutes: z.number().int().min(1).max(1440).default(15),
        idle_minutes: z.number().int().min(1).max(1440).default(30),
        absolute_hours: z.number().int().min(1).max(720).default(12),
      })
      .strict()
      .prefault({}),
    // The inspection self-check: its daily run in `fabu serve`, and the browser for axe-core and PDFs.
    checks: z
      .object({
        daily_at: z
          .string()
          .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|off)$/, 'must be HH:MM (Asia/Shanghai) or off')
          .default('06:30'),
        chromium_path: z.string().min(1).default('/usr/bin/chromium'),
      })
      .strict()
      .prefault({}),
    // Imports started from the admin: intranet origins the operator allows (see src/jobs).
    import: z
      .object({
        allowed_private_origins: z
          .array(
            z
              .string()
              .regex(/^https?:\/\/[^/?#\s]+\/?$/, 'must be an origin such as http://10.0.0.5:8080')
              .transform((value) => new URL(value).origin),
          )
          .default([]),
      })
      .strict()
      .prefault({}),
    // The external link check inside `fabu serve`: every so many hours, 0 for never.
    links: z
      .object({
        external_check_hours: z
          .number()
          .int()
          .min(0)
          .max(24 * 30)
          .default(24),
      })
      .strict()
      .prefault({}),
    // GET /metrics on the admin port (Prometheus): from these addresses, or with the bearer token.
    metrics: z
      .object({
        token: z.string().min(24, 'must be at least 24 characters').optional(),
        allow: z
          .array(z.string().refine(isAddressOrSubnet, 'must be an IP address or a subnet such as 10.0.0.0/8'))
          .default(['127.0.0.1', '::1']),
      })
      .strict()
      .prefault({}),
    // Uploaded images: the longest side they are scaled down to for the web.
    uploads: z
      .object({ image_max_side: z.number().int().min(200).max(20_000).default(1600) })
      .strict()
      .prefault({}),
    // The command line: which site a command without --site means when there are several.
    cli: z
      .object({
        default_site: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a site slug or id')
          .optional(),
      })
      .strict()
      .prefault({}),
    // 政民互动's e-mail notifications; none are sent without a host.
    smtp: z
      .object({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        security: z.enum(['starttls', 'tls', 'none']).default('starttls'),
        user: z.string().min(1).optional(),
        from: z.email(),
      })
      .strict()
      .optional(),
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
  readonly server: {
    readonly host: string
    /** The admin UI and the API: an origin of its own, so public pages never hold an editor's cookies. */
    readonly adminPort: number
    readonly publicPort: number
    /** Addresses of reverse proxies whose X-Forwarded-For is believed. */
    readonly trustedProxies: readonly string[]
    /** `auto`: Secure cookies when the request came over TLS (directly or via a trusted proxy). */
    readonly secureCookies: 'auto' | 'always' | 'never'
    readonly maxUploadBytes: number
    /** Site searches one address may make a minute on the public site. */
    readonly searchesPerMinute: number
    /** Admin API requests one address may make a minute (counted across servers on PostgreSQL). */
    readonly apiRequestsPerMinute: number
    /** SQLite: worker threads that answer site searches beside the server's thread (0: on it). */
    readonly searchWorkers: number
    /** SQLite: worker threads that read the admin's article list beside the server's thread (0: on it). */
    readonly listWorkers: number
  }
  readonly checks: {
    /** `HH:MM` (Asia/Shanghai) of the daily inspection run in `fabu serve`; null: none. FABU_DAILY_CHECK wins. */
    readonly dailyAt: string | null
    /** Chromium for the axe-core check and PDF exports; nothing fails without it. */
    readonly chromiumPath: string
  }
  readonly import: {
    /** Origins on a private network that an import started from the admin may read. */
    readonly allowedPrivateOrigins: readonly string[]
  }
  /** SMTP for e-mail notifications of letters; null: none are sent. The password is FABU_SMTP_PASSWORD. */
  readonly smtp: {
    readonly host: string
    readonly port: number
    readonly security: 'starttls' | 'tls' | 'none'
    readonly user: string | null
    readonly password: string | null
    readonly from: string
  } | null
  readonly metrics: {
    /** A scraper presenting `Authorization: Bearer <token>` may read /metrics from anywhere; null: none. */
    readonly token: string | null
    /** Addresses and subnets that may read /metrics without the token (default: this machine). */
    readonly allow: readonly string[]
  }
  readonly uploads: {
    /** Images are scaled down to this longest side (px) when uploaded; the original only on request. */
    readonly imageMaxSide: number
  }
  readonly cli: {
    /**
     * The site (slug or id) commands use when `--site` is left out and there are several sites;
     * `fabu serve` also serves it at the root of a host that names no site. FABU_DEFAULT_SITE wins.
     */
    readonly defaultSite: string | null
  }
  readonly links: {
    /** `fabu serve` checks the sites' external links this often (hours); 0: never. */
    readonly externalCheckHours: number
  }
  readonly accounts: {
    readonly passwordProfile: 'dengbao' | 'asvs'
    readonly lockoutThreshold: number
    readonly lockoutMinutes: number
    readonly idleMinutes: number
    readonly absoluteHours: number
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
    server: Object.freeze(serverSettings(parsed.data.server, env)),
    checks: Object.freeze(checkSettings(parsed.data.checks, env)),
    import: Object.freeze({
      allowedPrivateOrigins: Object.freeze([...parsed.data.import.allowed_private_origins]),
    }),
    smtp: parsed.data.smtp
      ? Object.freeze({
          host: parsed.data.smtp.host,
          port: parsed.data.smtp.port,
          security: parsed.data.smtp.security,
          user: parsed.data.smtp.user ?? null,
          // A secret: from the environment only, never the file beside the database.
          password: env.FABU_SMTP_PASSWORD || null,
          from: parsed.data.smtp.from,
        })
      : null,
    cli: Object.freeze({ defaultSite: env.FABU_DEFAULT_SITE || parsed.data.cli.default_site || null }),
    links: Object.freeze({ externalCheckHours: parsed.data.links.external_check_hours }),
    metrics: Object.freeze({
      token: parsed.data.metrics.token ?? null,
      allow: Object.freeze([...parsed.data.metrics.allow]),
    }),
    uploads: Object.freeze({ imageMaxSide: parsed.data.uploads.image_max_side }),
    accounts: Object.freeze({
      passwordProfile: parsed.data.accounts.password_profile,
      lockoutThreshold: parsed.data.accounts.lockout_threshold,
      lockoutMinutes: parsed.data.accounts.lockout_minutes,
      idleMinutes: parsed.data.accounts.idle_minutes,
      absoluteHours: parsed.data.accounts.absolute_hours,
    }),
  })
}

/** The file's [server] section, overridden by FABU_HOST, FABU_ADMIN_PORT, … in the environment. */
function serverSettings(file: z.output<typeof configFileSchema>['server'], env: NodeJS.ProcessEnv) {
  const port = (name: string, fallback: number) => {
    const value = env[name]
    if (value === undefined || value === '') return fallback
    if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
      throw new ConfigError(name, '须为 0–65535 的端口号', 'must be a port number 0–65535')
    }
    return Number(value)
  }
  const secure = env.FABU_SECURE_COOKIES || file.secure_cookies
  if (secure !== 'auto' && secure !== 'always' && secure !== 'never') {
    throw new ConfigError(
      'FABU_SECURE_COOKIES',
      '须为 auto、always 或 never',
      'must be auto, always or never',
    )
  }
  return {
    host: env.FABU_HOST || file.host,
    adminPort: port('FABU_ADMIN_PORT', file.admin_port),
    publicPort: port('FABU_PUBLIC_PORT', file.public_port),
    trustedProxies: Object.freeze(
      env.FABU_TRUSTED_PROXIES
        ? env.FABU_TRUSTED_PROXIES.split(',')
            .map((proxy) => proxy.trim())
            .filter(Boolean)
        : [...file.trusted_proxies],
    ),
    secureCookies: secure as 'auto' | 'always' | 'never',
    maxUploadBytes: file.max_upload_mb * 1024 * 1024,
    searchesPerMinute: file.searches_per_minute,
    apiRequestsPerMinute: file.api_requests_per_minute,
    searchWorkers: file.search_workers,
    listWorkers: file.list_workers,
  }
}

/** The file's [checks] section; FABU_DAILY_CHECK (`HH:MM` or `off`) wins, so tests turn the daily run off. */
function checkSettings(file: z.output<typeof configFileSchema>['checks'], env: NodeJS.ProcessEnv) {
  const daily = env.FABU_DAILY_CHECK || file.daily_at
  if (!/^(?:(?:[01]\d|2[0-3]):[0-5]\d|off)$/.test(daily))
    throw new ConfigError('FABU_DAILY_CHECK', '须为 HH:MM 或 off', 'must be HH:MM or off')
  return { dailyAt: daily === 'off' ? null : daily, chromiumPath: file.chromium_path }
}

function isAddressOrSubnet(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/')
  const family = isIP(address)
  if (family === 0 || rest.length > 0) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
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

# 审计日志密钥在 keys/audit.key（首次运行时生成，权限 0600），或由环境变量 FABU_AUDIT_KEY 提供；
# 勿与数据库一同存放或备份。见 docs/server.md。
# The audit log's key is keys/audit.key (made on first run, mode 0600), or FABU_AUDIT_KEY in
# the environment; keep it away from the database and its backups. See docs/server.md.

[content]
# 回收站保留天数，过期的内容在执行 \`fabu article purge\` 时彻底删除。
# Days deleted articles stay in the recycle bin before \`fabu article purge\` removes them for good.
recycle_bin_days = 30

# 正文中允许嵌入的 iframe 来源（仅 https），例如视频网站的播放器。
# Hosts whose https iframes article bodies may embed, e.g. a video player.
iframe_hosts = []

# 服务（fabu serve）。管理接口与公开站点使用不同端口，公开页面无法借用编辑的登录状态。
# The server (fabu serve). The admin API and the public site listen on separate ports, so a
# public page never acts with an editor's session. FABU_HOST, FABU_ADMIN_PORT,
# FABU_PUBLIC_PORT, FABU_TRUSTED_PROXIES and FABU_SECURE_COOKIES override these.
[server]
# host = "127.0.0.1"
# admin_port = 8081
# public_port = 8080
# trusted_proxies = []        # 反向代理地址 / reverse proxies whose X-Forwarded-For is believed
# secure_cookies = "auto"     # auto | always | never
# max_upload_mb = 20
# searches_per_minute = 120   # 每个地址每分钟的站内搜索次数 / site searches per address a minute
# search_workers = 2          # SQLite：执行站内搜索的线程数 / SQLite: threads that run site searches
# list_workers = 2            # SQLite：读取后台文章列表的线程数 / SQLite: threads that read the admin's article list

# 账号安全。password_profile："dengbao"（等保2.0：8 位、3 类字符、90 天过期、不重复最近 5 次）
# 或 "asvs"（OWASP ASVS：12 位、无组成要求、不过期、拒绝常见泄露密码）。
# Accounts. password_profile: "dengbao" (等保2.0) or "asvs" (OWASP ASVS); see docs/server.md.
[accounts]
# password_profile = "dengbao"
# lockout_threshold = 5
# lockout_minutes = 15
# idle_minutes = 30
# absolute_hours = 12

# 检查指标自查。fabu serve 每天在 daily_at（北京时间）自查各站点并保存结果，报告显示与前一天相比的变化；
# "off" 关闭。axe-core 无障碍检查和 PDF 导出需要 Chromium。环境变量 FABU_DAILY_CHECK 优先。
# The inspection self-check: fabu serve checks every site daily at daily_at (Asia/Shanghai) and
# keeps the result, so the report shows what changed since the day before; "off" turns it off.
# The axe-core check and PDF exports need Chromium. FABU_DAILY_CHECK overrides daily_at.
[checks]
# daily_at = "06:30"
# chromium_path = "/usr/bin/chromium"

# 从管理界面导入旧网站时，默认拒绝本机和内网地址；旧网站在内网时在此列出其地址。
# Imports started from the admin refuse this machine and private networks; list an old site
# on the intranet here. \`fabu import\` on the command line is not limited by this.
[import]
# allowed_private_origins = ["http://10.0.0.5"]

# 外部链接检查：fabu serve 每隔多少小时检查一次各站点已发布文章的外部链接，0 为不检查。
# The external link check: fabu serve checks published articles' external links this often
# (hours); 0 never. See docs/checks.md.
[links]
# external_check_hours = 24

# 上传的图片：最长边超过 image_max_side（像素）时缩小后发布；上传时可选择另存原图为附件。
# Uploaded images are scaled down to this longest side (px) for the web; the uploader may
# ask to keep the original as an attachment.
[uploads]
# image_max_side = 1600

# 命令行。有多个站点时，省略 --site 的命令使用 default_site；fabu serve 在不属于任何站点的主机名的根路径上
# 提供这个站点。环境变量 FABU_DEFAULT_SITE 优先。
# The command line. With several sites, commands without --site use default_site; fabu serve
# serves it at the root of a host name no site claims. FABU_DEFAULT_SITE overrides it.
[cli]
# default_site = "shili"

# 政民互动的邮件通知（新来信、临近期限、答复来信人）。不设置则不发送；密码用环境变量 FABU_SMTP_PASSWORD。
# E-mail notifications of letters (new, nearly due, answered); none without this section. The
# password comes from FABU_SMTP_PASSWORD. See docs/interaction.md.
# Prometheus 指标：管理端口上的 /metrics。默认只允许本机访问；其他地址须列在 allow 中，或带令牌
# （Authorization: Bearer <token>）。见 docs/deploy.md。
# Prometheus metrics at /metrics on the admin port: this machine only by default; other
# scrapers need their address in allow, or the bearer token. See docs/deploy.md.
[metrics]
# allow = ["127.0.0.1", "::1"]   # 地址或网段 / addresses or subnets such as "10.0.0.0/8"
# token = "…"                    # 至少 24 个字符 / at least 24 characters: openssl rand -hex 24

# [smtp]
# host = "smtp.example.gov.cn"
# port = 587
# security = "starttls"       # starttls | tls | none
# user = "fabu"
# from = "noreply@example.gov.cn"
`
