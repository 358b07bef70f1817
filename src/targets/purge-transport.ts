import type { ChangeSet } from './fold-manifests.ts'
import type { PurgeSettings } from './target-settings.ts'
import type { DeliveryContext, DeliveryStats, Transport } from './transport.ts'

/**
 * Asks a CDN to forget the pages a delivery changed, through an HTTP endpoint that fronts the
 * provider's API (Aliyun's RefreshObjectCaches, Tencent's PurgeUrlsCache take about 1,000
 * URLs a call and 10,000 a day). Past the day's quota, and after a full republish, it purges
 * the directories instead, which the providers count apart.
 */
export function purgeTransport(settings: PurgeSettings): Transport {
  const post = async (type: 'url' | 'directory', urls: readonly string[]) => {
    const token = settings.tokenEnv ? process.env[settings.tokenEnv] : undefined
    if (settings.tokenEnv && !token)
      throw new Error(`environment variable ${settings.tokenEnv} (the token) is not set`)
    for (let i = 0; i < urls.length; i += settings.batchSize) {
      const response = await fetch(settings.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ type, urls: urls.slice(i, i + settings.batchSize) }),
        signal: AbortSignal.timeout(60_000),
      })
      if (!response.ok) {
        const said = (await response.text()).slice(0, 200)
        throw new Error(`the purge endpoint answered ${response.status}: ${said}`)
      }
    }
  }

  return {
    async deliver(changes: ChangeSet, context: DeliveryContext): Promise<DeliveryStats> {
      const base = baseOf(settings.baseUrl ?? context.baseUrl)
      const paths = [...changes.present, ...changes.absent]
      if (paths.length === 0) return { sent: 0, deleted: 0 }
      if (changes.hasFullRun) {
        await post('directory', [base])
        return { sent: 1, deleted: 0, note: 'full publish: purged the whole site' }
      }
      const urls = paths.flatMap((path) => urlsOf(base, path))
      if (context.purgedToday + urls.length > settings.dailyLimit) {
        const directories = topDirectories(base, paths)
        await post('directory', directories)
        return { sent: directories.length, deleted: 0, note: 'daily URL quota reached: purged directories' }
      }
      await post('url', urls)
      return { sent: urls.length, deleted: 0, purgedUrls: urls.length }
    },

    async mirror(context: DeliveryContext): Promise<DeliveryStats> {
      await post('directory', [baseOf(settings.baseUrl ?? context.baseUrl)])
      return { sent: 1, deleted: 0, note: 'purged the whole site' }
    },
  }
}

function baseOf(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** A page's URLs as visitors ask for them: a folder's index.html is also asked for as the folder. */
function urlsOf(base: string, path: string): string[] {
  const url = new URL(path, base).href
  if (path === 'index.html' || path.endsWith('/index.html')) return [url, url.slice(0, -'index.html'.length)]
  return [url]
}

/** The first-level folders the paths are in; the site's root for files at the top. */
function topDirectories(base: string, paths: readonly string[]): string[] {
  const folders = new Set<string>()
  for (const path of paths) {
    const slash = path.indexOf('/')
    folders.add(slash === -1 ? base : new URL(`${path.slice(0, slash)}/`, base).href)
  }
  return [...folders].sort()
}
