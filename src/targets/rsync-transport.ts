import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { TEMPORARY_FOLDER } from '../publish/index.ts'
import type { ChangeSet } from './fold-manifests.ts'
import type { RsyncSettings } from './target-settings.ts'
import type { DeliveryContext, DeliveryStats, Transport } from './transport.ts'

/**
 * Pushes the output folder to a web server with the rsync binary, to an rsync daemon
 * (`rsync://`) or over SSH (`user@host:path`). On the far side each file is written to a
 * temporary name and renamed into place (rsync's default), and `--delay-updates` holds every
 * renamed file back until the whole transfer is in, so a visitor sees a run's pages appear
 * together, never a new list page linking to an article page not there yet.
 */
export function rsyncTransport(settings: RsyncSettings): Transport {
  const destination = settings.destination.endsWith('/') ? settings.destination : `${settings.destination}/`
  const common = [
    // Times, not owners or modes: the far side's user owns the files, readable by its web server.
    '--recursive',
    '--links',
    '--times',
    '--chmod=D0755,F0644',
    '--delay-updates',
    // One line per file sent (`<f…`, `>f…` to a local path) or deleted (`*deleting`), counted as they come.
    '--out-format=%i %n',
    `--timeout=${settings.timeoutSeconds}`,
    `--exclude=/${TEMPORARY_FOLDER}/`,
    ...(destination.startsWith('rsync://') ? ['--contimeout=20'] : []),
    ...(settings.passwordFile ? [`--password-file=${settings.passwordFile}`] : []),
    ...(settings.sshKeyFile ? ['-e', `ssh -i ${settings.sshKeyFile} -o BatchMode=yes`] : []),
  ]
  return {
    async deliver(changes: ChangeSet, context: DeliveryContext): Promise<DeliveryStats> {
      // Removed pages are listed too: missing here, --delete-missing-args deletes them there.
      const list = [...changes.present, ...changes.absent]
      // Uploads are not in the manifests (the admin stores them when they come); rsync's quick
      // check sends only those the far side lacks.
      if (existsSync(join(context.outputRoot, 'uploads'))) list.push('uploads')
      if (list.length === 0) return { sent: 0, deleted: 0 }
      return runRsync(
        [
          ...common,
          '--files-from=-',
          '--from0',
          '--delete-missing-args',
          `${context.outputRoot}/`,
          destination,
        ],
        `${list.join('\0')}\0`,
      )
    },

    async mirror(context: DeliveryContext): Promise<DeliveryStats> {
      // Deletions after the transfer, so no page disappears before its replacements are in.
      return runRsync([...common, '--delete-after', `${context.outputRoot}/`, destination], '')
    },
  }
}

function runRsync(args: readonly string[], input: string): Promise<DeliveryStats> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let deleted = 0
    let partial = ''
    const child = spawn('rsync', args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    })
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        if (line.startsWith('<f') || line.startsWith('>f')) sent++
        else if (line.startsWith('*deleting')) deleted++
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', (error) =>
      reject(
        new Error(`rsync could not be started (${(error as NodeJS.ErrnoException).code ?? error.message})`),
      ),
    )
    child.on('close', (code) => {
      if (code === 0) return resolve({ sent, deleted })
      const said = stderr.trim().split('\n').slice(-3).join(' / ')
      reject(new Error(`rsync exited with ${code}: ${said || 'no message'}`))
    })
    child.stdin.on('error', () => {
      // rsync may quit before reading its list (it could not connect); its exit says why.
    })
    child.stdin.end(input)
  })
}
