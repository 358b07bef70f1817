import { FabuError } from './fabu-error.ts'

/** Bad input: `field` names the offending input field, dotted for nested ones (`fields.docNo`). */
export class ValidationError extends FabuError {
  readonly code = 'VALIDATION_FAILED'
  readonly status = 422
  readonly field: string
  constructor(field: string, zh: string, en: string) {
    super({ zh: `${field}：${zh}`, en: `${field}: ${en}` })
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
  article: { zh: '文章', en: 'article' },
  revision: { zh: '修订版本', en: 'revision' },
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

export class ColumnNotEmptyError extends FabuError {
  readonly code = 'COLUMN_NOT_EMPTY'
  readonly status = 409
  constructor(columnName: string, articles: number, children: number) {
    super({
      zh: `栏目「${columnName}」仍有 ${articles} 篇文章、${children} 个子栏目，请先移走或删除`,
      en: `column "${columnName}" still holds ${articles} articles and ${children} child columns; move or delete them first`,
    })
  }
}

export class ColumnCycleError extends FabuError {
  readonly code = 'COLUMN_CYCLE'
  readonly status = 422
  constructor(columnName: string) {
    super({
      zh: `不能把栏目「${columnName}」移到它自己或它的下级栏目之下`,
      en: `column "${columnName}" cannot be moved under itself or one of its descendants`,
    })
  }
}

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

export class DatabaseTooNewError extends FabuError {
  readonly code = 'DATABASE_TOO_NEW'
  readonly status = 500
  constructor(databaseVersion: number, codeVersion: number) {
    super({
      zh: `数据库结构版本 ${databaseVersion} 比本程序支持的 ${codeVersion} 新，请升级 fabu 后再运行`,
      en: `the database is at schema version ${databaseVersion}, newer than this fabu's ${codeVersion}; upgrade fabu`,
    })
  }
}

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

export class ConfigError extends FabuError {
  readonly code = 'CONFIG_INVALID'
  readonly status = 500
  constructor(where: string, zh: string, en: string) {
    super({ zh: `配置错误（${where}）：${zh}`, en: `bad configuration (${where}): ${en}` })
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

/** Wraps anything thrown into a FabuError, once, at a boundary. */
export function asFabuError(error: unknown): FabuError {
  return error instanceof FabuError ? error : new InternalError(error)
}
