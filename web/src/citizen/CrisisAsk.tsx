import type { citizenStatusBody, myCrises } from '@server/cases/crisis/crisis-manifest.schema.ts'
import { Alert, App, Button, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get, post } from '../lib/api.ts'
import { errorMessage } from '../lib/errors.ts'
import { useLoad } from '../lib/useLoad.ts'

type MyCrisis = z.infer<typeof myCrises>['crises'][number]

/** The statuses a person may give themselves, in the order the buttons show them. */
const ANSWERS = ['safe', 'needs_help', 'wants_to_leave'] as const satisfies readonly z.infer<
  typeof citizenStatusBody
>['status'][]

/** During a crisis where the person is registered: "are you safe?", answered in one tap. */
export function CrisisAsk() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { data, reload } = useLoad(() =>
    get<{ crises: MyCrisis[] }>('/api/v1/me/crises').catch(() => ({ crises: [] })),
  )
  const answer = async (c: MyCrisis, status: (typeof ANSWERS)[number]) => {
    try {
      await post(`/api/v1/me/crises/${c.id}/status`, { status })
      reload()
    } catch (e) {
      message.error(errorMessage(e, t))
    }
  }
  return (
    <>
      {data?.crises.map((c) => (
        <Alert
          key={c.id}
          type={c.myStatus === 'safe' ? 'success' : 'error'}
          banner
          data-testid="crisis-ask"
          title={t('crises.ask.title', { name: c.name })}
          description={
            <>
              <div>
                {c.myStatus === 'unaccounted'
                  ? t('crises.ask.text')
                  : t('crises.ask.answered', { status: t(`crises.status.${c.myStatus}`) })}
              </div>
              <Space wrap style={{ marginTop: 8 }}>
                {ANSWERS.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    danger={a === 'needs_help'}
                    type={a === 'safe' ? 'primary' : 'default'}
                    onClick={() => answer(c, a)}
                    data-testid={`crisis-${a}`}
                  >
                    {t(`crises.ask.${a}`)}
                  </Button>
                ))}
              </Space>
            </>
          }
        />
      ))}
    </>
  )
}
