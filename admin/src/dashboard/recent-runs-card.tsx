import { Card, Table, Typography } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'
import { timeFormatter } from '../sections/format-time.ts'
import type { PublishRun } from '../sections/publish-types.ts'
import type { Site } from '../types.ts'

/** The site's last publishes, newest first: when, how, and whether pages failed. */
export function RecentRunsCard({ site, runs }: { site: Site; runs: readonly PublishRun[] }) {
  const { t } = useI18n()
  const time = timeFormatter({ timeZone: site.timeZone })
  return (
    <Card
      className="section-card dashboard-card"
      title={<h3 className="card-title">{t('recentRunsTitle')}</h3>}
    >
      {runs.length === 0 ? (
        <p className="dashboard-empty">{t('recentRunsEmpty')}</p>
      ) : (
        <Table<PublishRun>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...runs]}
          columns={[
            { title: t('runTime'), dataIndex: 'finished_at', key: 'finished_at', render: time },
            {
              title: t('runMode'),
              dataIndex: 'mode',
              key: 'mode',
              render: (mode: string) =>
                mode === 'full' || mode === 'incremental' ? t(`mode.${mode}` as MessageKey) : mode,
            },
            { title: t('runWritten'), dataIndex: 'written', key: 'written' },
            { title: t('runRemoved'), dataIndex: 'removed', key: 'removed' },
            {
              title: t('runErrors'),
              dataIndex: 'errors',
              key: 'errors',
              render: (errors: number) =>
                errors > 0 ? <Typography.Text type="danger">{errors}</Typography.Text> : errors,
            },
          ]}
        />
      )}
    </Card>
  )
}
