import { defineError } from './define-error.ts'
import { FabuError } from './fabu-error.ts'
import { fieldLabelZh } from './field-labels.ts'

/** Bad input: `field` names the offending input field, dotted for nested ones (`fields.docNo`). */
export class ValidationError extends FabuError {
  readonly code = 'VALIDATION_FAILED'
  readonly status = 422
  readonly field: string
  constructor(field: string, zh: string, en: string) {
    super({ zh: `${fieldLabelZh(field)}：${zh}`, en: `${field}: ${en}` })
    this.field = field
  }
}

export class NotFoundError extends FabuError {
  readonly code = 'NOT_FOUND'
  readonly status = 404
  readonly entity: string
  readonly ref: string
  constructor(entity: string, ref: string | number) {
    const label = ENTITY_LABELS[entity] ?? { zh: entity, en: entity }
    super({ zh: `${label.zh}不存在：${ref}`, en: `${label.en} not found: ${ref}` })
    this.entity = entity
    this.ref = String(ref)
  }
}

const ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  site: { zh: '站点', en: 'site' },
  column: { zh: '栏目', en: 'column' },
  submission: { zh: '报送', en: 'submission' },
  article: { zh: '文章', en: 'article' },
  revision: { zh: '修订版本', en: 'revision' },
  user: { zh: '用户', en: 'user' },
  grant: { zh: '授权', en: 'grant' },
  upload: { zh: '文件', en: 'file' },
  job: { zh: '任务', en: 'job' },
  template: { zh: '模板', en: 'template' },
  route: { zh: '接口', en: 'route' },
  mailbox: { zh: '信箱', en: 'mailbox' },
  case: { zh: '来信或申请', en: 'case' },
  target: { zh: '发布目标', en: 'publish target' },
  livePage: { zh: '已发布的页面', en: 'published page' },
}

/** A save based on a revision that is no longer the latest: nothing was written. */
export class VersionConflictError extends FabuError {
  readonly code = 'VERSION_CONFLICT'
  readonly status = 409
  readonly articleId: number
  readonly latest: number
  constructor(articleId: number, latest: number) {
    super({
      zh: `文章已被他人修改（最新版本 ${latest}），请基于最新版本重新编辑`,
      en: `article ${articleId} changed meanwhile (latest revision ${latest}); edit the latest revision`,
    })
    this.articleId = articleId
    this.latest = latest
  }
}

export class ColumnNotEmptyError extends defineError(
  'COLUMN_NOT_EMPTY',
  409,
  (columnName: string, articles: number, children: number) => ({
    zh: `栏目「${columnName}」仍有 ${articles} 篇文章、${children} 个子栏目，请先移走或删除`,
    en: `column "${columnName}" still holds ${articles} articles and ${children} child columns; move or delete them first`,
  }),
) {}

export class ColumnCycleError extends defineError('COLUMN_CYCLE', 422, (columnName: string) => ({
  zh: `不能把栏目「${columnName}」移到它自己或它的下级栏目之下`,
  en: `column "${columnName}" cannot be moved under itself or one of its descendants`,
})) {}

/** A unique name, slug or number is taken already. */
export class AlreadyExistsError extends FabuError {
  readonly code = 'ALREADY_EXISTS'
  readonly status = 409
  readonly field: string
  constructor(field: string, value: string) {
    super({ zh: `${field} 已被占用：${value}`, en: `${field} is taken already: ${value}` })
    this.field = field
  }
}

/** The action does not fit the thing's current state (restoring what is not deleted, …). */
export class InvalidStateError extends FabuError {
  readonly code = 'INVALID_STATE'
  readonly status = 409
}

export class DatabaseTooNewError extends defineError(
  'DATABASE_TOO_NEW',
  500,
  (databaseVersion: number, codeVersion: number) => ({
    zh: `数据库结构版本 ${databaseVersion} 比本程序支持的 ${codeVersion} 新，请升级 fabu 后再运行`,
    en: `the database is at schema version ${databaseVersion}, newer than this fabu's ${codeVersion}; upgrade fabu`,
  }),
) {}

export class DatabaseUnavailableError extends FabuError {
  readonly code = 'DATABASE_UNAVAILABLE'
  readonly status = 503
  constructor(target: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(
      { zh: `无法连接数据库 ${target}：${reason}`, en: `cannot reach the database ${target}: ${reason}` },
      { cause },
    )
  }
}

export class ConfigError extends defineError(
  'CONFIG_INVALID',
  500,
  (where: string, zh: string, en: string) => ({
    zh: `配置错误（${where}）：${zh}`,
    en: `bad configuration (${where}): ${en}`,
  }),
) {}

/** A request that cannot be read at all: malformed JSON, a wrong content type. */
export class BadRequestError extends FabuError {
  readonly code = 'BAD_REQUEST'
  readonly status = 400
}

/** No valid session: never signed in, signed out, or the session expired. */
export class UnauthenticatedError extends defineError(
  'UNAUTHENTICATED',
  401,
  (messages: { zh: string; en: string } = { zh: '请先登录', en: 'sign in first' }) => messages,
) {}

/** Signed in, but the user's roles do not allow the action. Nothing was changed. */
export class ForbiddenError extends defineError('FORBIDDEN', 403, (actionZh: string, actionEn: string) => ({
  zh: `无权${actionZh}`,
  en: `not allowed to ${actionEn}`,
})) {}

/** A state-changing request without the session's CSRF token. */
export class CsrfError extends defineError('CSRF_FAILED', 403, {
  zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
  en: 'the request lacks a valid CSRF token; reload the page and try again',
}) {}

/** The password has expired under the 等保 profile: only a password change is allowed. */
export class PasswordExpiredError extends defineError('PASSWORD_EXPIRED', 403, {
  zh: '密码已过期，请先修改密码',
  en: 'the password has expired; change it first',
}) {}

/**
 * The password was set by an administrator (a new account, or a reset's one-time password):
 * until the user sets their own, the session may do nothing else (三员分立: the administrator
 * who saw it cannot act as the user).
 */
export class PasswordChangeRequiredError extends defineError('PASSWORD_CHANGE_REQUIRED', 403, {
  zh: '此密码由管理员设置，只能用来设置您自己的新密码，请先修改密码',
  en: 'this password was set by an administrator and only lets you set your own; change it first',
}) {}

/** Too many failed sign-ins: the account is locked until `until`. */
export class AccountLockedError extends FabuError {
  readonly code = 'ACCOUNT_LOCKED'
  readonly status = 429
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
    super({
      zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员`,
      en: `too many failed sign-ins; the account is locked for ${minutes} min or until a security administrator unlocks it`,
    })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Too many requests from one address or for one account in a short time. */
export class RateLimitedError extends FabuError {
  readonly code = 'RATE_LIMITED'
  readonly status = 429
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    super({
      zh: `请求过于频繁，请 ${retryAfterSeconds} 秒后再试`,
      en: `too many requests; try again in ${retryAfterSeconds} s`,
    })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/**
 * A public form (a letter, an application) sent without a valid token of the form as served,
 * with the challenge answered wrongly, from another origin, or once more after it was used.
 */
export class FormRefusedError extends defineError(
  'FORM_REFUSED',
  403,
  (messages: { zh: string; en: string }) => ({
    zh: `表单未被接受：${messages.zh}`,
    en: `form refused: ${messages.en}`,
  }),
) {}

/** The same letter was submitted to the same mailbox a short while ago; it was not stored twice. */
export class DuplicateSubmissionError extends defineError('DUPLICATE_SUBMISSION', 409, {
  zh: '相同内容已提交过，请勿重复提交；可用查询码查看办理情况',
  en: 'the same letter was submitted already; use its query code to follow it',
}) {}

/** Template previews share one small renderer; past its short queue a preview is refused, not queued. */
export class PreviewBusyError extends defineError('PREVIEW_BUSY', 503, {
  zh: '正在进行的预览过多，请几秒后再试',
  en: 'too many previews are in progress; try again in a few seconds',
}) {
  readonly retryAfterSeconds = 5
}

/**
 * Another process (a `fabu publish` by hand, a server, a cluster node) is publishing the site
 * and did not finish within the wait. Nothing was published by this request; its changes stay
 * pending and the other publisher or the next run takes them.
 */
export class PublishInProgressError extends FabuError {
  readonly code = 'PUBLISH_IN_PROGRESS'
  readonly status = 409
  readonly holder: string
  constructor(holder: string) {
    super({
      zh: `站点正由另一个进程发布（${holder}），请稍后再试`,
      en: `the site is being published by another process (${holder}); try again later`,
    })
    this.holder = holder
  }
}

/**
 * Work the server does in a few worker threads for every site (cleaning bodies, comparing
 * revisions) is queued up past its limit, or waited longer than its deadline for a worker.
 * Nothing was saved; the same request can simply be sent again.
 */
export class ServerBusyError extends FabuError {
  readonly code = 'SERVER_BUSY'
  readonly status = 503
  readonly retryAfterSeconds: number
  constructor(retryAfterSeconds: number) {
    super({
      zh: `服务器正忙，未处理本次请求，请 ${retryAfterSeconds} 秒后再试`,
      en: `the server is busy and did not handle this request; try again in ${retryAfterSeconds} s`,
    })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** A request or upload larger than its limit; nothing was stored. */
export class TooLargeError extends defineError(
  'TOO_LARGE',
  413,
  (what: { zh: string; en: string }, limitBytes: number) => {
    const mb = (limitBytes / 1024 / 1024).toFixed(limitBytes < 1024 * 1024 ? 2 : 0)
    return { zh: `${what.zh}超过上限 ${mb} MB`, en: `${what.en} exceeds the limit of ${mb} MB` }
  },
) {}

/**
 * Work that needs a Chromium browser (the PDF of the inspection report, the axe-core
 * accessibility check) asked for where none is installed. Nothing else was affected.
 */
export class ChromiumMissingError extends defineError(
  'CHROMIUM_MISSING',
  501,
  (what: { zh: string; en: string }, path: string) => ({
    zh: `${what.zh}需要 Chromium，但 ${path} 不存在；请安装 Chromium（如 apt-get install chromium），或改用 HTML 导出后用浏览器打印`,
    en: `${what.en} needs Chromium, and ${path} does not exist; install Chromium (e.g. apt-get install chromium), or export HTML and print it from a browser`,
  }),
) {}

/** An upload whose content is not an allowed type, is unsafe (script, bomb) or cannot be read. */
export class UploadRefusedError extends FabuError {
  readonly code = 'UPLOAD_REFUSED'
  readonly status = 422
}

/**
 * Text whose bytes are not valid in the encoding they were declared (or defaulted) in. Nothing
 * was stored: a silent U+FFFD in place of each bad byte would lose the text unnoticed.
 */
export class InvalidEncodingError extends FabuError {
  readonly code = 'INVALID_ENCODING'
  readonly status = 400
  readonly field: string
  constructor(field: string, encoding: string) {
    super({
      zh: `${field}：文本不是有效的 ${encoding} 编码，请以 UTF-8 保存后重试，或声明正确的字符集`,
      en: `${field}: the text is not valid ${encoding}; save it as UTF-8, or declare its real charset`,
    })
    this.field = field
  }
}

/**
 * Cleaning a body ran past its deadline or its memory and was stopped; the body is within the
 * structural limits but built so that cleaning it would tie up the server.
 */
export class BodyTooComplexError extends FabuError {
  readonly code = 'BODY_TOO_COMPLEX'
  readonly status = 422
  readonly field: string
  constructor(field: string, deadlineMs: number) {
    const seconds = Math.round(deadlineMs / 100) / 10
    super({
      zh: `${field}：正文过于复杂，未能在 ${seconds} 秒内、限定内存中完成清理，请简化或拆分后重试`,
      en: `${field}: the body is too complex to clean within ${seconds} s and the memory allowed; simplify or split it`,
    })
    this.field = field
  }
}

/**
 * Comparing two revisions ran past its deadline or heap cap and was stopped. Not the editor's
 * input to fix (the revisions are saved), so it says what to do instead.
 */
export class DiffTooComplexError extends defineError(
  'DIFF_TOO_COMPLEX',
  422,
  (articleId: number, from: number, to: number, deadlineMs: number) => {
    const seconds = Math.round(deadlineMs / 100) / 10
    return {
      zh: `文章 ${articleId} 的修订 ${from} 与 ${to} 过长或差异过多，未能在 ${seconds} 秒内、限定内存中完成比较；请分别查看这两个修订`,
      en: `revisions ${from} and ${to} of article ${articleId} are too long or too different to compare within ${seconds} s and the memory allowed; view each revision instead`,
    }
  },
) {}

/** A declared charset fabu does not decode (it reads UTF-8 and the Chinese legacy ones). */
export class UnsupportedCharsetError extends defineError('UNSUPPORTED_CHARSET', 415, (charset: string) => ({
  zh: `不支持的字符集：${charset}（支持 utf-8、gbk、gb2312、gb18030、big5）`,
  en: `unsupported charset: ${charset} (supported: utf-8, gbk, gb2312, gb18030, big5)`,
})) {}

/** The disk (or quota, or database) holding `path` is full; what was being written was not. */
export class DiskFullError extends FabuError {
  readonly code = 'DISK_FULL'
  readonly status = 507
  /** What was being written, when known (a write error from Node names no path). */
  readonly path: string | undefined
  constructor(path: string | undefined, options?: { cause?: unknown }) {
    super(
      path === undefined
        ? { zh: '存储空间不足', en: 'disk full' }
        : { zh: `存储空间不足（${path}）`, en: `disk full (${path})` },
      options,
    )
    this.path = path
  }
}

/** A failure fabu did not foresee; the original error is kept as `cause` for the logs only. */
export class InternalError extends FabuError {
  readonly code = 'INTERNAL'
  readonly status = 500
  constructor(cause: unknown) {
    super({ zh: '内部错误，请查看服务日志', en: 'internal error; see the server log' }, { cause })
  }
}

/**
 * Wraps anything thrown into a FabuError, once, at a boundary. A full disk is told as such
 * wherever it happened (a page, an upload, a manifest): the operator can act on it.
 */
export function asFabuError(error: unknown): FabuError {
  if (error instanceof FabuError) return error
  return diskFullFrom(error) ?? new InternalError(error)
}

/**
 * The DiskFullError a foreign error stands for, if it is one: ENOSPC or EDQUOT from the file
 * system, or PostgreSQL's SQLSTATE 53100 (disk_full). `path` names what was being written;
 * without it, the path Node's error carries.
 */
export function diskFullFrom(error: unknown, path?: string): DiskFullError | undefined {
  const e = error as { code?: unknown; path?: unknown; dest?: unknown } | null
  if (!e || typeof e !== 'object') return undefined
  if (e.code === 'ENOSPC' || e.code === 'EDQUOT') {
    const named =
      path ?? (typeof e.dest === 'string' ? e.dest : typeof e.path === 'string' ? e.path : undefined)
    return new DiskFullError(named, { cause: error })
  }
  if (e.code === '53100') return new DiskFullError('PostgreSQL', { cause: error })
  return undefined
}

/**
 * A site search query fabu will not run: longer than its cap, or with more words than a search
 * can combine. Nothing was searched; a shorter query works.
 */
export class InvalidSearchQueryError extends defineError(
  'INVALID_SEARCH_QUERY',
  400,
  (zh: string, en: string) => ({ zh: `搜索词无效：${zh}`, en: `invalid search query: ${en}` }),
) {}

/** One 禁用 word found, as the wording error lists it. */
export interface BlockedWord {
  readonly field: string
  readonly start: number
  readonly end: number
  readonly found: string
  readonly word: string
  readonly suggestion: string | null
}

/**
 * The article holds words the site's lists forbid (禁用): submit and publish are refused until
 * they are changed, or a reviewer overrides with a reason. `hits` lists each, with its place.
 */
export class WordingBlockedError extends FabuError {
  readonly code = 'WORDING_BLOCKED'
  readonly status = 422
  readonly hits: readonly BlockedWord[]
  constructor(hits: readonly BlockedWord[]) {
    const listed = (arrow: string) =>
      hits
        .slice(0, 20)
        .map((hit) => `「${hit.found}」(${hit.field})${hit.suggestion ? ` ${arrow} ${hit.suggestion}` : ''}`)
        .join('，')
    const more = hits.length > 20 ? ` …(+${hits.length - 20})` : ''
    super({
      zh: `文章含有 ${hits.length} 处禁用词，须修改后才能送审或发布：${listed('应为')}${more}`,
      en: `the article holds ${hits.length} forbidden word(s); change them before submitting or publishing: ${listed('→')}${more}`,
    })
    this.hits = hits
  }
}

/** A site search ran past its deadline and was cancelled; nothing else was affected. */
export class SearchTimeoutError extends defineError('SEARCH_TIMEOUT', 503, (deadlineMs: number) => ({
  zh: `搜索超过 ${deadlineMs / 1000} 秒未完成，已取消；请换用更具体的词或缩小范围`,
  en: `the search took over ${deadlineMs / 1000} s and was cancelled; use more specific words or narrow it`,
})) {
  readonly retryAfterSeconds = 5
}

/** The admin's article list was read past its deadline (a text search over a large site) and stopped. */
export class ListTimeoutError extends defineError('LIST_TIMEOUT', 503, (deadlineMs: number) => ({
  zh: `文章列表超过 ${deadlineMs / 1000} 秒未读出，已取消；请换用更具体的词，或按栏目、状态、日期缩小范围`,
  en: `the article list took over ${deadlineMs / 1000} s and was cancelled; use more specific words, or narrow it by column, status or date`,
})) {
  readonly retryAfterSeconds = 5
}

/** An import of the site is running already: one at a time per site. */
export class ImportRunningError extends FabuError {
  readonly code = 'IMPORT_RUNNING'
  readonly status = 409
  readonly jobId: number
  constructor(jobId: number) {
    super({
      zh: `此站点已有导入任务在运行（任务 ${jobId}），请等待其结束或先取消`,
      en: `an import into this site is running already (job ${jobId}); wait for it or cancel it first`,
    })
    this.jobId = jobId
  }
}

/**
 * An import started from the admin named a host on this machine or its private network, which
 * would let a browser session reach what only the server can. The operator allows such an
 * origin in the config (`[import] allowed_private_origins`).
 */
export class ImportOriginRefusedError extends FabuError {
  readonly code = 'IMPORT_ORIGIN_REFUSED'
  readonly status = 403
  readonly origin: string
  constructor(origin: string, address: string) {
    super({
      zh: `${origin} 指向本机或内网地址（${address}），不能从管理界面导入；如确需导入，请在配置文件 [import] allowed_private_origins 中列出`,
      en: `${origin} points at this machine or a private network (${address}); list it in the config's [import] allowed_private_origins to import it from the admin`,
    })
    this.origin = origin
  }
}

/** A backup archive that is damaged, cut short, altered after it was made, or not a fabu backup. */
export class BackupInvalidError extends FabuError {
  readonly code = 'BACKUP_INVALID'
  readonly status = 422
  constructor(archive: string, why: string, options?: { cause?: unknown }) {
    super(
      {
        zh: `备份文件 ${archive} 无效或已损坏（${why}），未写入任何内容`,
        en: `the backup ${archive} is invalid or damaged (${why}); nothing was written`,
      },
      options,
    )
  }
}

/** A restore aimed at a data folder or database that already holds something. */
export class RestoreTargetNotEmptyError extends defineError(
  'RESTORE_TARGET_NOT_EMPTY',
  409,
  (target: string) => ({
    zh: `恢复目标 ${target} 不是空的；请恢复到一个新的空数据目录（和空数据库）`,
    en: `the restore target ${target} is not empty; restore into a new, empty data folder (and an empty database)`,
  }),
) {}

/** pg_dump, pg_restore or the SQLite backup failed; the tool's own message is kept. */
export class BackupFailedError extends FabuError {
  readonly code = 'BACKUP_FAILED'
  readonly status = 500
  constructor(step: string, detail: string, options?: { cause?: unknown }) {
    super({ zh: `${step} 失败：${detail}`, en: `${step} failed: ${detail}` }, options)
  }
}
