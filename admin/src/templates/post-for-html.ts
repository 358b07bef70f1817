import { type ApiError, ApiFailure } from '../api.ts'

/**
 * POSTs JSON and reads the answer as HTML (the template preview), with the headers `api()`
 * sends; `api()` reads JSON only. Failures are the API's usual `{ error }`, thrown as ApiFailure.
 */
export async function postForHtml(
  path: string,
  body: unknown,
  { csrfToken, language }: { csrfToken: string; language: 'zh' | 'en' },
): Promise<string> {
  const response = await fetch(path, {
    method: 'POST',
    headers: {
      accept: 'text/html',
      'accept-language': language === 'en' ? 'en' : 'zh-CN',
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
    },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (response.ok) return response.text()
  const data = await response.json().catch(() => null)
  const error = (data as { error?: Omit<ApiError, 'status'> } | null)?.error
  throw new ApiFailure({
    status: response.status,
    code: error?.code ?? 'INTERNAL',
    message: error?.message ?? response.statusText,
    ...(error?.field ? { field: error.field } : {}),
  })
}
