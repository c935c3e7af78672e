import { Button, Space, Spin, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ProofState } from './proof-of-work.ts'

/** Where the proof of work stands, in the words of the ALTCHA widget it stands in for. */
export function ProofStatus({ state, retry }: { state: ProofState; retry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="proof-status" data-testid="proof-status" data-state={state}>
      <Space>
        {state === 'working' && <Spin size="small" />}
        {state === 'verified' && <span className="proof-tick">✓</span>}
        <Typography.Text type={state === 'error' ? 'danger' : 'secondary'}>
          {t(`appointments.proof.${state}`)}
        </Typography.Text>
        {state === 'error' && (
          <Button size="small" onClick={retry}>
            {t('common.retry')}
          </Button>
        )}
      </Space>
    </div>
  )
}
