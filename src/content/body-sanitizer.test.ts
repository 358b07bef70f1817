import { afterEach, describe, expect, it } from 'vitest'
import { BodySanitizer, INLINE_MAX_CHARS } from './body-sanitizer.ts'
import { sanitizeBody } from './sanitize-body.ts'

describe('the body sanitizer', () => {
  const opened: BodySanitizer[] = []
  function sanitizer(options: Partial<ConstructorParameters<typeof BodySanitizer>[0]> = {}) {
    const made = new BodySanitizer({ iframeHosts: ['player.bilibili.com'], workers: 1, ...options })
    opened.push(made)
    return made
  }
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()))
  })

  it('cleans a long body in a worker exactly as sanitizeBody does, iframe hosts included', async () => {
    const body = `<iframe src="//player.bilibili.com/v"></iframe>${'<p onclick="x()" style="font-size:0">正文</p>'.repeat(200)}`
    expect(body.length).toBeGreaterThan(INLINE_MAX_CHARS)
    const clean = await sanitizer().sanitize(body, 'bodyHtml')
    expect(clean).toBe(sanitizeBody(body, { iframeHosts: ['player.bilibili.com'] }))
    expect(clean).toContain('<iframe src="https://player.bilibili.com/v" sandbox=')
  })

  it('brings a structural refusal back from the worker, naming the field', async () => {
    const crowded = '<p>x</p>'.repeat(100_001)
    await expect(sanitizer().sanitize(crowded, 'pageBodyHtml')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'pageBodyHtml',
    })
    // End tags with nothing open to close: the tag count reads it as flat, the parser nests it.
    await expect(sanitizer().sanitize('<div></span>'.repeat(20_000), 'bodyHtml')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      messages: { en: expect.stringContaining('nests elements more than 4096 deep') },
    })
  })

  it('stops a body that overruns its deadline with BODY_TOO_COMPLEX, and cleans the next one', async () => {
    const slow = sanitizer({ deadlineMs: 1 })
    await expect(slow.sanitize('<p>x</p>'.repeat(60_000), 'bodyHtml')).rejects.toMatchObject({
      code: 'BODY_TOO_COMPLEX',
      messages: { zh: expect.stringContaining('正文过于复杂'), en: expect.stringContaining('too complex') },
    })
    const patient = sanitizer({ deadlineMs: 60_000 })
    await expect(patient.sanitize('<p>x</p>'.repeat(100), 'bodyHtml')).resolves.toBe('<p>x</p>'.repeat(100))
  })

  it('stops a body that needs more memory than a worker may have', async () => {
    const small = sanitizer({ heapMb: 16, deadlineMs: 60_000 })
    await expect(small.sanitize('<p>x</p>'.repeat(60_000), 'bodyHtml')).rejects.toMatchObject({
      code: 'BODY_TOO_COMPLEX',
    })
    await expect(small.sanitize('<p>y</p>'.repeat(100), 'bodyHtml')).resolves.toBe('<p>y</p>'.repeat(100))
  })

  it('refuses a body at once with SERVER_BUSY when the queue is full, and cleans those already waiting', async () => {
    const queued = sanitizer({ maxWaiting: 2, deadlineMs: 60_000 })
    const body = '<p>x</p>'.repeat(100)
    // The worker is still starting, so all three wait: the third finds the queue full.
    const waiting = [queued.sanitize(body, 'bodyHtml'), queued.sanitize(body, 'bodyHtml')]
    await expect(queued.sanitize(body, 'bodyHtml')).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      status: 503,
      retryAfterSeconds: 60,
      messages: { zh: expect.stringContaining('服务器正忙'), en: expect.stringContaining('busy') },
    })
    await expect(Promise.all(waiting)).resolves.toEqual([body, body])
  })

  it('refuses a body with SERVER_BUSY once it has waited too long behind a slow one, which goes on', async () => {
    const slow = sanitizer({ maxWaitMs: 200, deadlineMs: 60_000 })
    await slow.sanitize('<p>warm</p>'.repeat(100), 'bodyHtml')
    const long = '<p>x</p>'.repeat(60_000)
    const running = slow.sanitize(long, 'bodyHtml')
    const started = performance.now()
    await expect(slow.sanitize('<p>y</p>'.repeat(100), 'bodyHtml')).rejects.toMatchObject({
      code: 'SERVER_BUSY',
    })
    expect(performance.now() - started).toBeLessThan(5_000)
    await expect(running).resolves.toBe(long)
  })

  it('fails bodies still waiting when it is closed', async () => {
    const closing = sanitizer()
    const waiting = expect(closing.sanitize('<p>x</p>'.repeat(1000), 'bodyHtml')).rejects.toThrow('closed')
    await closing.close()
    await waiting
  })
})
