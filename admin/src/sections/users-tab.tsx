import { useQuery, useQueryClient } from '@tanstack/react-query'
import { App, Button, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { SessionView, Site } from '../types.ts'
import type { UserAccount } from './admin-types.ts'
import { ErrorAlert, useErrorText } from './error-alert.tsx'
import { installationTimeZone, timeFormatter } from './format-time.ts'
import { grantLabel } from './grant-label.ts'
import { GrantsModal } from './grants-modal.tsx'
import { PasswordResetModal } from './password-reset-modal.tsx'
import { administersSecurity, administersSystem } from './roles.ts'
import { useConfirm } from './use-confirm.tsx'
import { UserCreateModal } from './user-create-modal.tsx'

export interface UsersTabProps {
  readonly session: SessionView
  readonly sites: readonly Site[]
}

type Dialog = { kind: 'create' } | { kind: 'password' | 'grants'; user: UserAccount } | null

const isLocked = (user: UserAccount) => user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now()

/**
 * User accounts. System administrators create, disable and enable them; security
 * administrators unlock them, reset passwords and manage grants. The server refuses what the
 * role may not do (an administrator's own account, other administrators') and says why.
 */
export function UsersTab({ session, sites }: UsersTabProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const confirm = useConfirm()
  const isSystem = administersSystem(session)
  const isSecurity = administersSecurity(session)
  const client = useQueryClient()
  const answer = useQuery<{ items: UserAccount[] }>({ queryKey: ['/api/users'] })
  const users = answer.data?.items ?? []
  const error = answer.error
  const isLoading = answer.isFetching
  const [dialog, setDialog] = useState<Dialog>(null)
  const time = timeFormatter({ timeZone: installationTimeZone(sites) })
  const reload = () => void client.invalidateQueries({ queryKey: ['/api/users'] })

  async function act(request: Promise<unknown>, done: string) {
    try {
      await request
      message.success(done)
      reload()
    } catch (caught) {
      message.error(errorText(caught))
    }
  }

  function setDisabled(user: UserAccount, disabled: boolean) {
    const run = () =>
      act(api('PATCH', `/api/users/${user.id}`, { disabled }), t(disabled ? 'disabled' : 'enabled'))
    if (!disabled) return void run()
    confirm({
      title: t('disableConfirm', { name: user.userName }),
      content: t('disableConfirmText'),
      okText: t('disable'),
      onOk: run,
    })
  }

  function actions(user: UserAccount) {
    return (
      <Space wrap size="small">
        {isSystem &&
          (user.disabled ? (
            <Button
              size="small"
              onClick={() => setDisabled(user, false)}
              aria-label={t('enableUser', { name: user.userName })}
            >
              {t('enable')}
            </Button>
          ) : (
            <Button
              size="small"
              danger
              onClick={() => setDisabled(user, true)}
              aria-label={t('disableUser', { name: user.userName })}
            >
              {t('disable')}
            </Button>
          ))}
        {isSecurity && isLocked(user) && (
          <Button
            size="small"
            onClick={() => act(api('POST', `/api/users/${user.id}/unlock`), t('unlocked'))}
            aria-label={t('unlockUser', { name: user.userName })}
          >
            {t('unlock')}
          </Button>
        )}
        {isSecurity && (
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'password', user })}
            aria-label={t('resetPasswordOf', { name: user.userName })}
          >
            {t('resetPassword')}
          </Button>
        )}
        {isSecurity && (
          <Button
            size="small"
            onClick={() => setDialog({ kind: 'grants', user })}
            aria-label={t('grantsOf', { name: user.userName })}
          >
            {t('grants')}
          </Button>
        )}
      </Space>
    )
  }

  return (
    <section aria-label={t('tabUsers')}>
      {isSystem && (
        <Space className="tab-toolbar">
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
            {t('createUser')}
          </Button>
        </Space>
      )}
      <ErrorAlert error={error} />
      <Table<UserAccount>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={[...users]}
        pagination={{ pageSize: 20, showTotal: (n) => t('userCount', { n }) }}
        columns={[
          { title: t('userName'), dataIndex: 'userName', key: 'userName' },
          { title: t('displayName'), dataIndex: 'displayName', key: 'displayName' },
          {
            title: t('accountStatus'),
            key: 'status',
            render: (_, user) => (
              <Space size={4} wrap>
                {user.disabled ? (
                  <Tag color="error">{t('userDisabled')}</Tag>
                ) : isLocked(user) ? (
                  <Tag color="warning">{t('userLocked')}</Tag>
                ) : (
                  <Tag color="success">{t('userActive')}</Tag>
                )}
                {user.mustChangePassword && <Tag>{t('userMustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('roles'),
            key: 'grants',
            render: (_, user) => (
              <Space size={4} wrap>
                {user.grants.map((grant) => (
                  <Tag key={grant.id}>{grantLabel(grant, sites, t)}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('lastSignIn'), dataIndex: 'lastSignInAt', key: 'lastSignInAt', render: time },
          { title: t('actions'), key: 'actions', render: (_, user) => actions(user) },
        ]}
      />
      {dialog?.kind === 'create' && (
        <UserCreateModal
          onClose={() => setDialog(null)}
          onCreated={(user) => {
            message.success(t('userCreated', { name: user.userName }))
            setDialog(null)
            reload()
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <PasswordResetModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => {
            message.success(t('passwordReset'))
            setDialog(null)
            reload()
          }}
        />
      )}
      {dialog?.kind === 'grants' && (
        <GrantsModal
          session={session}
          user={dialog.user}
          sites={sites}
          onChanged={reload}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  )
}
