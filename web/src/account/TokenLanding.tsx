import { Alert, Button, Card, Spin, Typography } from 'antd'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../lib/errors.ts'

/**
 * A page an e-mailed link opens. With `auto`, the link's action runs on arrival (confirming is
 * what the person asked for); without, a button asks first, so that a mail scanner following
 * the link changes nothing.
 */
export function TokenLanding<T>(props: {
  title: string
  action: () => Promise<T>
  done: (result: T) => ReactNode
  auto?: boolean
  ask?: { text: string; button: string }
  testId: string
}) {
  const { t } = useTranslation()
  const [state, setState] = useState<{ result?: T; error?: string; busy: boolean }>({ busy: !!props.auto })
  const started = useRef(false)
  const run = async () => {
    setState({ busy: true })
    try {
      setState({ result: await props.action(), busy: false })
    } catch (e) {
      setState({ error: errorMessage(e, t), busy: false })
    }
  }
  useEffect(() => {
    if (props.auto && !started.current) {
      started.current = true
      void run()
    }
  })
  return (
    <div className="narrow">
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0 }}>
          {props.title}
        </Typography.Title>
        {state.busy && <Spin />}
        {state.error && <Alert type="error" title={state.error} data-testid={`${props.testId}-error`} />}
        {state.result !== undefined && (
          <div data-testid={`${props.testId}-done`}>{props.done(state.result)}</div>
        )}
        {!props.auto && !state.busy && state.result === undefined && !state.error && props.ask && (
          <>
            <Typography.Paragraph>{props.ask.text}</Typography.Paragraph>
            <Button type="primary" danger onClick={run} data-testid={`${props.testId}-submit`}>
              {props.ask.button}
            </Button>
          </>
        )}
        <p style={{ marginTop: 16 }}>
          <Link to="/">{t('account.home')}</Link>
        </p>
      </Card>
    </div>
  )
}
