import type { Command } from 'commander'
import { ValidationError } from '../../errors/index.ts'
import { type DeliveryOutcome, TARGET_KINDS, type TargetSummary } from '../../targets/index.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface TargetOptions {
  data: string
  json?: boolean
  site?: string
  kind?: string
  settings?: string
  target?: string
}

const SITE = ['--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'] as const

/**
 * Where a site's output goes after each run besides its folder: web servers over rsync, an
 * S3-compatible bucket, a CDN purge (docs/targets.md). Each publish delivers to them; these
 * commands set them up, show how they stand and sync one again.
 */
export function registerTarget(program: Command): void {
  const target = program
    .command('target')
    .description('发布目标：rsync、S3 对象存储、CDN 刷新 / publish targets: rsync, S3 buckets, CDN purges')

  withCommonOptions(
    target
      .command('add')
      .description('添加发布目标，首次投递为全量同步 / add a target; its first delivery is a full sync')
      .argument('<name>', '目标名称 / the target’s name')
      .option(...SITE)
      .requiredOption('--kind <kind>', `类型 / kind: ${TARGET_KINDS.join(', ')}`)
      .requiredOption(
        '--settings <json>',
        '设置（JSON；密钥只写环境变量名，见 docs/targets.md）/ settings as JSON; secrets by environment variable name',
      ),
  ).action(async (name: string, options: TargetOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const added = await app.targets.add(app.actor, site.id, {
        name,
        kind: options.kind ?? '',
        settings: parsedSettings(options.settings ?? ''),
      })
      if (options.json) return printJson(added)
      print(`已添加 / added: ${added.name} (${added.kind}) → ${added.destination}`)
      print(
        '下次发布或 `fabu target sync` 时全量同步 / a full sync follows on the next publish or `fabu target sync`',
      )
    })
  })

  withCommonOptions(
    target
      .command('list')
      .description('列出站点的发布目标 / the site’s targets')
      .option(...SITE),
  ).action(async (options: TargetOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const targets = await app.targets.list(site.id)
      if (options.json) return printJson(targets)
      print(
        formatTable(
          ['名称 name', '类型 kind', '目的地 destination'],
          targets.map((t) => [t.name, t.kind, t.destination]),
        ),
      )
    })
  })

  withCommonOptions(
    target
      .command('status')
      .description(
        '各目标的投递状态；有失败时退出码为 2 / how each target stands; exit code 2 when one failed',
      )
      .option(...SITE),
  ).action(async (options: TargetOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const targets = await app.targets.list(site.id)
      if (targets.some((t) => t.lastError !== null)) process.exitCode = 2
      if (options.json) return printJson(targets)
      print(
        formatTable(
          ['名称 name', '状态 state', '未送达 undelivered', '最近送达 last delivered', '错误 error'],
          targets.map((t) => [
            t.name,
            stateOf(t),
            t.undeliveredRuns,
            t.lastDeliveredAt ?? '',
            t.lastError ?? '',
          ]),
        ),
      )
    })
  })

  withCommonOptions(
    target
      .command('remove')
      .description('删除发布目标（远端文件不动）/ remove a target (its far side is left as it is)')
      .argument('<name>', '目标名称 / the target’s name')
      .option(...SITE),
  ).action(async (name: string, options: TargetOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      await app.targets.remove(app.actor, site.id, name)
      if (options.json) return printJson({ removed: name })
      print(`已删除 / removed: ${name}`)
    })
  })

  withCommonOptions(
    target
      .command('sync')
      .description(
        '按当前输出目录全量同步；有失败时退出码为 2 / a full sync from the output folder as it is; exit code 2 when one fails',
      )
      .option(...SITE)
      .option('--target <name>', '只同步这一个目标 / only this target'),
  ).action(async (options: TargetOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const outcomes = await app.targets.sync(site.id, options.target)
      if (outcomes.some((outcome) => outcome.state === 'failed')) process.exitCode = 2
      if (options.json) return printJson(outcomes)
      if (outcomes.length === 0) print('站点没有发布目标 / the site has no targets')
      for (const outcome of outcomes) print(describeDelivery(outcome))
    })
  })
}

/** One line per delivery, for `fabu publish` and `fabu target sync`. */
export function describeDelivery(outcome: DeliveryOutcome): string {
  const who = `${outcome.target} (${outcome.kind})`
  const runs = outcome.runIds.length > 0 ? `, runs ${outcome.runIds.join(',')}` : ''
  if (outcome.state === 'failed')
    return `✗ 目标 ${who} 投递失败 / delivery failed after ${outcome.tries} tries${runs}: ${outcome.error ?? ''}`
  if (outcome.state === 'waiting')
    return `… 目标 ${who} 等其他目标送达后再刷新 / waits for the web servers to have the pages`
  if (outcome.state === 'idle') return `目标 ${who} 无需投递 / nothing to deliver`
  const what = outcome.isFullSync ? '全量同步 / full sync' : '已送达 / delivered'
  const note = outcome.note ? ` (${outcome.note})` : ''
  return `目标 ${who} ${what}${runs}: 发送 sent ${outcome.sent}, 删除 deleted ${outcome.deleted}${note}`
}

function stateOf(target: TargetSummary): string {
  if (target.lastError !== null) return `失败 failed (${target.failedRuns} runs, ${target.attempts} tries)`
  if (target.needsFullSync) return '待全量同步 full sync due'
  if (target.undeliveredRuns > 0) return '待投递 pending'
  return '正常 ok'
}

function parsedSettings(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ValidationError('--settings', '不是有效的 JSON', 'is not valid JSON')
  }
}
