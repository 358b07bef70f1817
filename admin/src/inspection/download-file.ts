import { ApiFailure } from '../api.ts'

/**
 * Fetches a file of the API and hands it to the browser as a download; a refusal (a PDF
 * without Chromium on the server) is thrown as the API's error, for the page to show.
 */
export async function downloadFile(path: string, language: 'zh' | 'en'): Promise<void> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { 'accept-language': language === 'en' ? 'en' : 'zh-CN' },
  })
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as {
      error?: { code: string; message: string }
    } | null
    throw new ApiFailure({
      status: response.status,
      code: data?.error?.code ?? 'INTERNAL',
      message: data?.error?.message ?? response.statusText,
    })
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'report'
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  // The click has started the download; the object URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
