/** The admin's only way to the server: the documented API, with the session's CSRF token. */
export interface ApiError {
  readonly status: number
  readonly code: string
  readonly message: string
  readonly field?: string
}

export class ApiFailure extends Error {
  readonly status: number
  readonly code: string
  readonly field: string | undefined
  constructor(error: ApiError) {
    super(error.message)
    this.status = error.status
    this.code = error.code
    this.field = error.field
  }
}

let csrfToken = ''
let language: 'zh' | 'en' = 'zh'

export function setCsrfToken(token: string): void {
  csrfToken = token
}

export function setApiLanguage(next: 'zh' | 'en'): void {
  language = next
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': language === 'en' ? 'en' : 'zh-CN' }
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken
  let payload: BodyInit | undefined
  if (body instanceof FormData) payload = body
  else if (body !== undefined) {
    headers['content-type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const response = await fetch(path, { method, headers, body: payload ?? null, credentials: 'same-origin' })
  if (response.status === 204) return undefined as T
  const data = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (data as { error?: Omit<ApiError, 'status'> } | null)?.error
    throw new ApiFailure({
      status: response.status,
      code: error?.code ?? 'INTERNAL',
      message: error?.message ?? response.statusText,
      ...(error?.field ? { field: error.field } : {}),
    })
  }
  return data as T
}
