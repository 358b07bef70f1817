import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import {
  appendAudit,
  type Content,
  canManageSite,
  canReadSite,
  type Principal,
  type SiteRef,
} from '../content/index.ts'
import { ForbiddenError, ImportRunningError, NotFoundError } from '../errors/index.ts'
import { isUniqueViolation, type Store } from '../store/index.ts'
import { checkImportOrigin } from './check-import-origin.ts'
import type { ImportJobOptions, Job } from './job.ts'
import { jobFiles } from './job-files.ts'
import { jobRecords } from './job-records.ts'
import { type JobCommand, type JobProcess, runJobProcess } from './run-job-process.ts'

export interface ImportJobsOptions {
  readonly dataDir: string
  readonly command: JobCommand
  /** `[import] allowed_private_origins`: intranet sites the admin may import from. */
  readonly allowedPrivateOrigins: readonly string[]
  /** Resolves a host name to its addresses (tests pass their own). */
  readonly resolve?: (host: string) => Promise<readonly string[]>
  /** Who runs this server's imports (default: host, pid and a random part). */
  readonly owner?: string
  /** How often this server says its imports still run; six missed ones and they are taken for stopped. */
  readonly heartbeatMs?: number
}

/** One row of a finished job's report, as the admin lists it. */
export interface ImportReportRow {
  readonly url: string
  readonly kind: string
  readonly outcome: string
  readonly title: string
  readonly reason?: string
  readonly articleId?: number | null
}

/** Imports run by the server for site administrators, each in a process of its own. */
export interface ImportJobs {
  start(principal: Principal, site: SiteRef, options: ImportJobOptions): Promise<Job>
  /** Starts a new job with a stopped one's choices, going on from where its run stopped. */
  resume(principal: Principal, site: SiteRef, jobId: number): Promise<Job>
  cancel(principal: Principal, site: SiteRef, jobId: number): Promise<Job>
  list(principal: Principal, site: SiteRef): Promise<readonly Job[]>
  get(principal: Principal, site: SiteRef, jobId: number): Promise<Job>
  reportCsv(principal: Principal, site: SiteRef, jobId: number): Promise<string>
  reportRows(
    principal: Principal,
    site: SiteRef,
    jobId: number,
    page: { readonly outcome?: string | undefined; readonly offset: number; readonly limit: number },
  ): Promise<{ readonly total: number; readonly items: readonly ImportReportRow[] }>
  /**
   * Marks the jobs a stopped server left running as interrupted; call once at start. On
   * SQLite (one server) that is every running job; on PostgreSQL only those whose server's
   * heartbeat lapsed, since other servers run theirs; from then on this server keeps its own
   * jobs' heartbeat and looks for lapsed ones now and then.
   */
  recover(): Promise<number>
  /** Stops the running jobs (they can be resumed) and waits for their processes to end. */
  close(): Promise<void>
}

const INTERRUPTED = {
  code: 'JOB_INTERRUPTED',
  message: '服务器停止时任务仍在运行 / the server stopped while the job ran',
}

export function createImportJobs(store: Store, content: Content, options: ImportJobsOptions): ImportJobs {
  const records = jobRecords(store)
  const running = new Map<number, JobProcess>()
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
  const heartbeatMs = options.heartbeatMs ?? 10_000
  let heartbeat: NodeJS.Timeout | undefined
  const interruptLapsed = (nowMs: number) =>
    records.interruptStopped(new Date(nowMs).toISOString(), {
      beforeMs: nowMs - 6 * heartbeatMs,
      self: owner,
    })

  async function siteFor(principal: Principal, ref: SiteRef) {
    const site = await content.sites.get(ref)
    if (!canReadSite(principal.access, site.id)) throw new NotFoundError('site', ref)
    if (!canManageSite(principal.access, site.id)) throw new ForbiddenError('导入网站', 'import a website')
    return site
  }

  async function jobOf(principal: Principal, ref: SiteRef, jobId: number): Promise<Job> {
    const site = await siteFor(principal, ref)
    const job = await records.get(jobId)
    if (!job || job.siteId !== site.id) throw new NotFoundError('job', jobId)
    return job
  }

  async function audit(principal: Principal, action: string, job: Job, detail: Record<string, unknown>) {
    // Its own transaction: the job's state changed already and stays so.
    await store.transaction(async (tx) => {
      await appendAudit(
        store,
        tx,
        {
          actor: principal.actor,
          action,
          targetType: 'site',
          targetId: String(job.siteId),
          outcome: 'success',
          detail: { jobId: job.id, ...detail },
        },
        new Date().toISOString(),
      )
    })
  }

  function launch(job: Job, slug: string) {
    const files = jobFiles(options.dataDir, job.id)
    const o = job.options
    const args = [
      'import',
      o.url,
      '--site',
      slug,
      '--data',
      options.dataDir,
      '--job',
      String(job.id),
      '--report',
      files.csv,
      '--concurrency',
      String(o.concurrency),
      ...(o.isDryRun ? ['--dry-run'] : []),
      ...(o.resumes ? ['--resume'] : []),
      ...(o.since ? ['--since', o.since] : []),
      ...o.assetHosts.flatMap((host) => ['--asset-host', host]),
    ]
    const process = runJobProcess(options.command, args)
    running.set(job.id, process)
    void records.setRunning(job.id, new Date().toISOString())
    void process.ended.then(async ({ code, stderr }) => {
      running.delete(job.id)
      // 0: done; 2: done with pages that failed (they are in the report).
      if (code === 0 || code === 2) {
        await records.end(job.id, 'finished', new Date().toISOString())
        return
      }
      const said = /fabu: ([A-Z_]+): (.*)$/m.exec(stderr)
      await records.end(job.id, 'failed', new Date().toISOString(), {
        code: said?.[1] ?? 'INTERNAL',
        message: said?.[2] ?? `导入进程异常退出 / the import process stopped (${code ?? 'killed'})`,
      })
    })
  }

  const service: ImportJobs = {
    async start(principal, ref, input) {
      const site = await siteFor(principal, ref)
      const live = await records.live(site.id)
      if (live) throw new ImportRunningError(live.id)
      await checkImportOrigin(input.url, input.assetHosts, options.allowedPrivateOrigins, options.resolve)
      const now = new Date().toISOString()
      let id: number
      try {
        id = await store.transaction(async (tx) => {
          const inserted = await records.insert(tx, site.id, principal.actor, input, now, owner)
          await appendAudit(
            store,
            tx,
            {
              actor: principal.actor,
              action: 'import.start',
              targetType: 'site',
              targetId: String(site.id),
              outcome: 'success',
              detail: { jobId: inserted, ...input },
            },
            now,
          )
          return inserted
        })
      } catch (error) {
        // Two starts at once: the unique index lets one in; the other is told which runs.
        const other = isUniqueViolation(error) ? await records.live(site.id) : null
        if (other) throw new ImportRunningError(other.id)
        throw error
      }
      const job = (await records.get(id)) as Job
      launch(job, site.slug)
      return job
    },

    async resume(principal, ref, jobId) {
      const stopped = await jobOf(principal, ref, jobId)
      return service.start(principal, ref, { ...stopped.options, isDryRun: false, resumes: true })
    },

    async cancel(principal, ref, jobId) {
      const job = await jobOf(principal, ref, jobId)
      const hasEnded = await records.end(job.id, 'cancelled', new Date().toISOString())
      if (hasEnded) {
        running.get(job.id)?.child.kill('SIGTERM')
        await audit(principal, 'import.cancel', job, {})
      }
      return (await records.get(job.id)) as Job
    },

    async list(principal, ref) {
      const site = await siteFor(principal, ref)
      return records.list(site.id, 50)
    },

    get: jobOf,

    async reportCsv(principal, ref, jobId) {
      const job = await jobOf(principal, ref, jobId)
      try {
        return await readFile(jobFiles(options.dataDir, job.id).csv, 'utf8')
      } catch {
        throw new NotFoundError('job', `${jobId} (报告 / report)`)
      }
    },

    async reportRows(principal, ref, jobId, page) {
      const job = await jobOf(principal, ref, jobId)
      let rows: ImportReportRow[]
      try {
        rows = JSON.parse(await readFile(jobFiles(options.dataDir, job.id).rows, 'utf8'))
      } catch {
        return { total: 0, items: [] }
      }
      const chosen = page.outcome ? rows.filter((row) => row.outcome === page.outcome) : rows
      return { total: chosen.length, items: chosen.slice(page.offset, page.offset + page.limit) }
    },

    async recover() {
      const now = Date.now()
      // One server on SQLite: whatever runs was left by this server's last life.
      if (store.engine !== 'postgres') return records.interruptStopped(new Date(now).toISOString())
      const interrupted = await interruptLapsed(now)
      heartbeat ??= setInterval(() => {
        const at = Date.now()
        void records
          .heartbeat(owner, at)
          .then(() => interruptLapsed(at))
          // A database hiccup: the next beat tries again, well within the minute others wait.
          .catch(() => undefined)
      }, heartbeatMs)
      heartbeat.unref()
      return interrupted
    },

    async close() {
      clearInterval(heartbeat)
      // Marked first, so the killed process is not taken for a failed one; it can be resumed.
      const ended = [...running.entries()].map(async ([id, process]) => {
        await records.end(id, 'interrupted', new Date().toISOString(), INTERRUPTED)
        process.child.kill('SIGTERM')
        return process.ended
      })
      await Promise.all(ended)
    },
  }
  return service
}
