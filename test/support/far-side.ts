import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { freePort, waitForPort } from './free-port.ts'

/**
 * A web server's side of an rsync push, all real and on 127.0.0.1: an `rsync --daemon` whose
 * module `www` writes into `<folder>/www`, and nginx serving that folder as the public site.
 */
export interface FarSide {
  readonly root: string
  readonly rsyncUrl: string
  readonly webUrl: string
  /** Starts the rsync daemon (again, on the same port). */
  startRsync(): Promise<void>
  stopRsync(): Promise<void>
  stop(): Promise<void>
}

export async function startFarSide(folder: string): Promise<FarSide> {
  const root = join(folder, 'www')
  mkdirSync(root, { recursive: true })
  mkdirSync(join(folder, 'nginx-temp'), { recursive: true })
  const isRoot = process.getuid?.() === 0
  const rsyncPort = await freePort()
  const webPort = await freePort()
  // As root the daemon would switch to `nobody` for the module; run it as ourselves instead.
  const identity = isRoot ? `uid = 0\ngid = 0\n` : ''
  writeFileSync(
    join(folder, 'rsyncd.conf'),
    `use chroot = no\nlog file = ${join(folder, 'rsyncd.log')}\n` +
      `[www]\n  path = ${root}\n  read only = no\n${identity}`,
  )
  const temp = join(folder, 'nginx-temp')
  writeFileSync(
    join(folder, 'nginx.conf'),
    `daemon off;\npid ${join(folder, 'nginx.pid')};\nerror_log ${join(folder, 'nginx-error.log')};\n` +
      // nginx's workers would run as `nobody` under root, who cannot enter a private temp folder.
      (isRoot ? 'user root;\n' : '') +
      'worker_processes 1;\nevents { worker_connections 64; }\n' +
      `http {\n  access_log off;\n  client_body_temp_path ${temp}/body;\n  proxy_temp_path ${temp}/proxy;\n` +
      `  fastcgi_temp_path ${temp}/fastcgi;\n  uwsgi_temp_path ${temp}/uwsgi;\n  scgi_temp_path ${temp}/scgi;\n` +
      `  server {\n    listen 127.0.0.1:${webPort};\n    root ${root};\n  }\n}\n`,
  )
  const nginx = spawn(
    '/usr/sbin/nginx',
    ['-p', folder, '-c', join(folder, 'nginx.conf'), '-e', join(folder, 'nginx-error.log')],
    {
      stdio: 'ignore',
    },
  )
  await waitForPort(webPort, 'nginx')
  let rsync: ChildProcess | null = null
  const side: FarSide = {
    root,
    rsyncUrl: `rsync://127.0.0.1:${rsyncPort}/www/`,
    webUrl: `http://127.0.0.1:${webPort}/`,
    async startRsync() {
      rsync = spawn(
        'rsync',
        [
          '--daemon',
          '--no-detach',
          `--config=${join(folder, 'rsyncd.conf')}`,
          '--address=127.0.0.1',
          `--port=${rsyncPort}`,
        ],
        { stdio: 'ignore' },
      )
      await waitForPort(rsyncPort, 'rsync --daemon')
    },
    async stopRsync() {
      const child = rsync
      rsync = null
      if (child) await stopChild(child)
    },
    async stop() {
      await side.stopRsync()
      await stopChild(nginx)
    },
  }
  return side
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
