import type { dependantResponse } from '@server/registrations/dependant.schema.ts'
import { App, Button, Card, Empty, List, Popconfirm, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { api, get } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { DependantForm } from './DependantForm.tsx'

type Dependant = z.infer<typeof dependantResponse>

/** Family members who travel with the account holder, so that a crisis count is of people. */
export function DependantsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { data, error, reload } = useLoad(() => get<Dependant[]>('/api/v1/me/dependants'))
  const [editing, setEditing] = useState<Dependant | 'new'>()
  const remove = async (d: Dependant) => {
    try {
      await api('DELETE', `/api/v1/me/dependants/${d.id}`)
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  return (
    <Card
      title={t('dependants.title')}
      size="small"
      style={{ marginTop: 24 }}
      extra={
        <Button size="small" onClick={() => setEditing('new')} data-testid="dependant-add">
          + {t('dependants.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('dependants.hint')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : !data?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dependants.empty')} />
      ) : (
        <List
          size="small"
          data-testid="dependants-list"
          dataSource={data}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button key="e" type="link" onClick={() => setEditing(d)}>
                  {t('trips.editShort')}
                </Button>,
                <Popconfirm key="r" title={t('dependants.confirmRemove')} onConfirm={() => remove(d)}>
                  <Button type="link" danger>
                    {t('trips.remove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={[d.nameLatin, d.nameZh].filter(Boolean).join(' · ')}
                description={`${t(`dependants.relations.${d.relation}`)} · ${d.dateOfBirth}`}
              />
            </List.Item>
          )}
        />
      )}
      <DependantForm
        open={editing !== undefined}
        dependant={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined)
          reload()
        }}
      />
    </Card>
  )
}
