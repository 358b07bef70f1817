import type { Command } from 'commander'
import { createWorkspace } from '../../content/index.ts'
import { createSiteTemplates } from '../../publish/index.ts'
import { withApp } from '../open-app.ts'
import { withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

interface TemplateOptions {
  data: string
  json?: boolean
  site?: string
}

/**
 * A site's own templates from the terminal: for the day an edited template breaks the site's
 * pages and the admin is no way back (a server that cannot start, a lost password).
 */
export function registerTemplate(program: Command): void {
  const template = program
    .command('template')
    .description('站点自行修改的模板 / the templates a site edited in the admin')

  withCommonOptions(
    template
      .command('list')
      .description('列出站点保存的模板 / the site’s stored templates, with who saved them last')
      .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'),
  ).action(async (options: TemplateOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const workspace = createWorkspace(app.content, app.store, app.operator)
      const stored = await createSiteTemplates(app.store).stored(workspace, site.id)
      if (options.json) return printJson(stored)
      if (stored.length === 0)
        return print(`${site.slug}: 使用主题自带的模板 / the theme’s own templates only`)
      print(
        formatTable(
          ['模板 template', '保存于 updated at', '保存者 updated by'],
          stored.map((row) => [row.name, row.updatedAt, row.updatedBy]),
        ),
      )
    })
  })

  withCommonOptions(
    template
      .command('reset')
      .description(
        '删除站点保存的模板，恢复使用主题文件，并重新发布相关页面 / delete the site’s version so the theme’s file is used again; its pages republish',
      )
      .argument('<name>', '模板文件名，如 article.liquid / template file name')
      .option('--site <site>', '站点 ID 或代号（只有一个站点时可省略）/ site id or slug'),
  ).action(async (name: string, options: TemplateOptions) => {
    await withApp(options.data, async (app) => {
      const site = await resolveSite(app.content, options.site)
      const workspace = createWorkspace(app.content, app.store, app.operator)
      const wasStored = await createSiteTemplates(app.store).reset(workspace, site.id, name)
      if (options.json) return printJson({ site: site.slug, name, wasStored })
      print(
        wasStored
          ? `${site.slug}: ${name} 已恢复为主题文件，相关页面将重新发布 / reset to the theme’s file; its pages will be republished`
          : `${site.slug}: ${name} 本来就使用主题文件 / already the theme’s file`,
      )
    })
  })
}
