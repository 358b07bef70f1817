import { describe, expect, it } from 'vitest'
import { ColumnCycleError, CsrfError, PreviewBusyError } from './errors.ts'
import { FabuError } from './fabu-error.ts'

describe('an error declared with defineError', () => {
  it('carries its code, status, class name and the message made from its arguments', () => {
    const error = new ColumnCycleError('要闻')
    expect(error).toBeInstanceOf(FabuError)
    expect(error).toBeInstanceOf(ColumnCycleError)
    expect({ name: error.name, code: error.code, status: error.status, message: error.message }).toEqual({
      name: 'ColumnCycleError',
      code: 'COLUMN_CYCLE',
      status: 422,
      message: 'column "要闻" cannot be moved under itself or one of its descendants',
    })
    expect(error.localized('zh-CN')).toBe('不能把栏目「要闻」移到它自己或它的下级栏目之下')
  })

  it('says its fixed message in both languages, and keeps what its own class adds', () => {
    expect(new CsrfError().messages).toEqual({
      zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
      en: 'the request lacks a valid CSRF token; reload the page and try again',
    })
    const busy = new PreviewBusyError()
    expect([busy.code, busy.status, busy.retryAfterSeconds]).toEqual(['PREVIEW_BUSY', 503, 5])
  })
})
