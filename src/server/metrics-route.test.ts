import { describe, expect, it } from 'vitest'
import { metricsAccessCheck } from './metrics-route.ts'

const request = (ip: string, headers: Record<string, string> = {}) => ({ ip, headers })

describe('who may read /metrics', () => {
  it('lets this machine in by default and nobody else', () => {
    const isAllowed = metricsAccessCheck({ token: null, allow: ['127.0.0.1', '::1'] }, false)
    expect(isAllowed(request('127.0.0.1'))).toBe(true)
    expect(isAllowed(request('::ffff:127.0.0.1'))).toBe(true)
    expect(isAllowed(request('::1'))).toBe(true)
    expect(isAllowed(request('10.1.2.3'))).toBe(false)
    expect(isAllowed(request('10.1.2.3', { authorization: 'Bearer anything' }))).toBe(false)
  })

  it('does not take a request forwarded by an untrusted proxy for one from this machine', () => {
    const isAllowed = metricsAccessCheck({ token: null, allow: ['127.0.0.1'] }, false)
    expect(isAllowed(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).toBe(false)
  })

  it('lets in listed subnets, and the bearer of the token from anywhere', () => {
    const token = 'a-token-of-at-least-24-chars'
    const isAllowed = metricsAccessCheck({ token, allow: ['10.0.0.0/8'] }, false)
    expect(isAllowed(request('10.200.3.4'))).toBe(true)
    expect(isAllowed(request('192.0.2.1'))).toBe(false)
    expect(isAllowed(request('192.0.2.1', { authorization: `Bearer ${token}` }))).toBe(true)
    expect(isAllowed(request('10.200.3.4', { authorization: 'Bearer wrong' }))).toBe(false)
  })
})
