import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Space, Table } from 'antd'
import { useState } from 'react'
import type { SiteList } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'
import type { SiteSettings } from './admin-types.ts'
import { ErrorAlert } from './error-alert.tsx'
import { administersSystem } from './roles.ts'
import { SiteFormModal } from './site-form-modal.tsx'

/**
 * Sites: system administrators create them and change any; a site administrator changes the
 * settings of the sites they administer.
 */
export function SitesTab({ session }: { session: SessionView }) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const isSystem = administersSystem(session)
  const client = useQueryClient()
  // The same answer as the console's site switch: a site created here is offered there at once.
  const answer = useQuery<SiteList>({ queryKey: ['/api/sites'] })
  const sites = (answer.data?.items ?? []).filter((site) => site.allowedActions.includes('manageSettings'))
  const error = answer.error
  const isLoading = answer.isFetching
  /** The site in the form: one to change, null for a new one, undefined for no form. */
  const [editing, setEditing] = useState<SiteSettings | null | undefined>(undefined)

  return (
    <section aria-label={t('tabSites')}>
      {isSystem && (
        <Space className="tab-toolbar">
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('createSite')}
          </Button>
        </Space>
      )}
      <ErrorAlert error={error} />
      <Table<Site>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={[...sites]}
        pagination={false}
        columns={[
          { title: t('siteName'), dataIndex: 'name', key: 'name' },
          { title: t('siteSlug'), dataIndex: 'slug', key: 'slug' },
          { title: t('siteBaseUrl'), dataIndex: 'baseUrl', key: 'baseUrl' },
          { title: t('siteSponsor'), dataIndex: 'sponsor', key: 'sponsor' },
          { title: t('siteTimeZone'), dataIndex: 'timeZone', key: 'timeZone' },
          {
            title: t('actions'),
            key: 'actions',
            render: (_, site) => (
              <Button
                size="small"
                onClick={() => setEditing(site)}
                aria-label={t('editSiteOf', { name: site.name })}
              >
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <SiteFormModal
          {...(editing ? { site: editing } : {})}
          onClose={() => setEditing(undefined)}
          onSaved={(site) => {
            message.success(t(editing ? 'siteSaved' : 'siteCreated', { name: site.name }))
            setEditing(undefined)
            void client.invalidateQueries({ queryKey: ['/api/sites'] })
          }}
        />
      )}
    </section>
  )
}
