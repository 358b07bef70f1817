import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** Which of `fabu serve`'s two origins answered. */
export type AppName = 'admin' | 'public'

/**
 * fabu's metrics in Prometheus's text format. prom-client rather than our own writer: it
 * brings the process metrics (CPU, memory, event-loop delay, handles) Prometheus users expect
 * under their usual names, and gets the exposition format's escaping and histogram buckets right.
 */
export interface FabuMetrics {
  /** A finished publish run of a site. */
  observePublish(site: string, seconds: number, pagesWritten: number): void
  /** An answered HTTP request: its route pattern (never the raw URL, whose variety is unbounded). */
  observeRequest(app: AppName, route: string, status: number, seconds: number): void
  /** An error answer, by its stable code (docs/errors.md). */
  observeError(app: AppName, code: string): void
  /** Read when scraped: publishes queued or running. */
  watchQueueDepth(read: () => number): void
  /** The exposition text and its content type. */
  scrape(): Promise<{ readonly text: string; readonly contentType: string }>
}

export function createMetrics(): FabuMetrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const publishSeconds = new Histogram({
    name: 'fabu_publish_duration_seconds',
    help: 'Duration of publish runs, by site',
    labelNames: ['site'],
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
    registers: [registry],
  })
  const pagesWritten = new Counter({
    name: 'fabu_publish_pages_written_total',
    help: 'Pages written by publish runs, by site',
    labelNames: ['site'],
    registers: [registry],
  })
  let readDepth: () => number = () => 0
  new Gauge({
    name: 'fabu_publish_queue_depth',
    help: 'Publishes queued or running',
    registers: [registry],
    collect() {
      this.set(readDepth())
    },
  })
  const requests = new Counter({
    name: 'fabu_http_requests_total',
    help: 'HTTP requests answered, by app, route pattern and status class',
    labelNames: ['app', 'route', 'status'],
    registers: [registry],
  })
  const requestSeconds = new Histogram({
    name: 'fabu_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by app, route pattern and status class',
    labelNames: ['app', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const errors = new Counter({
    name: 'fabu_errors_total',
    help: 'Error answers, by app and error code',
    labelNames: ['app', 'code'],
    registers: [registry],
  })
  return {
    observePublish(site, seconds, written) {
      publishSeconds.observe({ site }, seconds)
      pagesWritten.inc({ site }, written)
    },
    observeRequest(app, route, status, seconds) {
      const labels = { app, route, status: `${Math.floor(status / 100)}xx` }
      requests.inc(labels)
      requestSeconds.observe(labels, seconds)
    },
    observeError(app, code) {
      errors.inc({ app, code })
    },
    watchQueueDepth(read) {
      readDepth = read
    },
    async scrape() {
      return { text: await registry.metrics(), contentType: registry.contentType }
    },
  }
}
