import { type Role, STAFF_ROLES } from '@server/identity/role.ts'
import type { UserSummary } from '@server/identity/user.schema.ts'
import type { Mission } from '@server/reference/reference.schema.ts'
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get, post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { localized } from '../lib/i18n.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'

/** Staff roles first: they are the ones created here. */
const ROLES: readonly Role[] = [...STAFF_ROLES, 'enterprise', 'citizen']

interface CreateValues {
  email: string
  name: string
  role: Role
  missions?: string[]
}

function CreateStaff({ missions, onCreated }: { missions: Mission[]; onCreated: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateValues>()
  const role = Form.useWatch('role', form)
  const [error, setError] = useState<string>()
  const [password, setPassword] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(values: CreateValues) {
    setBusy(true)
    setError(undefined)
    setPassword(undefined)
    try {
      const created = await post<{ temporaryPassword?: string }>('/api/v1/users', values)
      setPassword(created.temporaryPassword)
      message.success(t('users.created'))
      form.resetFields()
      onCreated()
    } catch (e) {
      setError(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={t('users.create')} size="small" style={{ marginBottom: 24 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'operator' }}
        requiredMark={false}
      >
        <Space wrap align="start">
          <Form.Item
            name="email"
            label={t('users.email')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input type="email" style={{ width: 240 }} data-testid="user-email" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('users.name')}
            rules={[{ required: true, message: t('auth.required') }]}
          >
            <Input style={{ width: 200 }} data-testid="user-name" />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select
              style={{ width: 180 }}
              data-testid="user-role"
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </Form.Item>
          {role === 'officer' && (
            <Form.Item
              name="missions"
              label={t('users.missions')}
              extra={t('users.missionsHint')}
              rules={[{ required: true, message: t('users.missionsHint') }]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 320 }}
                data-testid="user-missions"
                options={missions.map((m) => ({ value: m.code, label: `${localized(m.name)} (${m.code})` }))}
              />
            </Form.Item>
          )}
        </Space>
        {error && <Alert type="error" title={error} data-testid="form-error" style={{ marginBottom: 16 }} />}
        {password && (
          <Alert
            type="success"
            data-testid="temporary-password"
            title={t('users.temporaryPassword')}
            description={
              <Typography.Text copyable code>
                {password}
              </Typography.Text>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="user-submit">
          {t('users.create')}
        </Button>
      </Form>
    </Card>
  )
}

export function Users() {
  const { t, i18n } = useTranslation()
  const [role, setRole] = useState<Role>()
  const users = useLoad(() => get<UserSummary[]>(`/api/v1/users${role ? `?role=${role}` : ''}`), role ?? '')
  const missions = useLoad(() => get<Mission[]>('/api/v1/missions'))
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('console.nav.users')}
      </Typography.Title>
      <CreateStaff missions={missions.data ?? []} onCreated={users.reload} />
      <Select
        allowClear
        placeholder={t('users.filterRole')}
        style={{ width: 200, marginBottom: 12 }}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      {users.error ? (
        <LoadError error={users.error} retry={users.reload} />
      ) : (
        <Table
          data-testid="users-table"
          rowKey="id"
          size="small"
          loading={users.loading}
          dataSource={users.data ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: t('users.empty') }}
          columns={[
            { title: t('users.name'), dataIndex: 'name' },
            { title: t('users.email'), render: (_, u) => u.email ?? u.phone ?? '—' },
            {
              title: t('users.role'),
              render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
            },
            {
              title: t('users.missions'),
              render: (_, u) => u.missions.map((m) => localized(m.name)).join('、') || '—',
            },
            {
              title: t('users.mfa'),
              render: (_, u) =>
                u.disabled ? (
                  <Tag color="red">{t('users.disabled')}</Tag>
                ) : (
                  <Tag color={u.mfaEnrolled ? 'green' : 'orange'}>
                    {t(u.mfaEnrolled ? 'users.enrolled' : 'users.notEnrolled')}
                  </Tag>
                ),
            },
            {
              title: t('users.createdAt'),
              dataIndex: 'createdAt',
              render: (v: string) => new Date(v).toLocaleDateString(i18n.language),
            },
          ]}
        />
      )}
    </>
  )
}
