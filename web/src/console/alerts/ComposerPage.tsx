import type { CrisisDetail } from '@server/cases/crisis/crisis.schema.ts'
import { Alert, Button, Card, Col, Form, Result, Row, Select, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { LonLat } from '../../alerts/geo.ts'
import { useMissions } from '../../alerts/missions.tsx'
import { get, post } from '../../lib/api.ts'
import { useAuth } from '../../lib/auth.tsx'
import i18n, { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { LoadError } from '../../pages/LoadError.tsx'
import { AreaDrawer } from './AreaDrawer.tsx'
import { draftGeometry } from './AreaOverlay.tsx'
import { type AlertDetail, mayCompose } from './alert.ts'
import {
  type AreaDraft,
  type ComposerValues,
  capBody,
  EMPTY_AREA,
  EMPTY_TEXT,
  fromCap,
  isEmptyArea,
  LANGS,
  type Lang,
} from './capBody.ts'
import { composerErrors } from './errors.ts'
import { CodeFields, TextTabs } from './MessageFields.tsx'
import { useCountryIndex } from './places.ts'
import { EVENT_TYPES } from './templates.ts'
import { useAutoText } from './useAutoText.ts'

const INITIAL: ComposerValues = {
  category: ['Safety'],
  responseType: [],
  urgency: 'Immediate',
  severity: 'Moderate',
  certainty: 'Observed',
  expiresIn: 24,
  safetyCheck: true,
  text: { 'zh-CN': EMPTY_TEXT, en: EMPTY_TEXT },
}

/** A new alert (or an update of one, `?from=<id>&as=update`), saved as a draft to see its reach. */
export function ComposerPage() {
  const { me } = useAuth()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const from = params.get('from')
  const asUpdate = params.get('as') === 'update'
  const { t } = useTranslation()
  // From a crisis's page: the crisis's area, and the draft is linked to the crisis once saved.
  const crisisId = params.get('crisis')
  const source = useLoad(
    () => (from ? get<AlertDetail>(`/api/v1/alerts/${from}`) : Promise.resolve(null)),
    from ?? '',
  )
  const crisis = useLoad(
    () => (crisisId ? get<CrisisDetail>(`/api/v1/crises/${crisisId}`) : Promise.resolve(null)),
    crisisId ?? '',
  )
  if (me && !mayCompose(me.roles)) return <Result status="403" title={t('alertsConsole.compose.forbidden')} />
  if (source.error) return <LoadError error={source.error} retry={source.reload} />
  if (crisis.error) return <LoadError error={crisis.error} retry={crisis.reload} />
  if (source.loading || crisis.loading) return <Skeleton active />
  const prefill = source.data ? fromCap(source.data.cap) : null
  const crisisRing = crisis.data?.area.coordinates[0]?.slice(0, -1) as LonLat[] | undefined
  const crisisArea: AreaDraft | null = crisisRing ? { ...EMPTY_AREA, polygons: [crisisRing] } : null
  return (
    <Composer
      key={from ?? crisisId ?? 'new'}
      initial={prefill?.values ?? INITIAL}
      initialArea={prefill?.area ?? crisisArea ?? EMPTY_AREA}
      update={asUpdate ? (source.data ?? null) : null}
      duty={!!me?.roles.includes('duty_officer')}
      senderName={
        Object.fromEntries(
          LANGS.map((l) => [
            l,
            me?.roles.includes('duty_officer') || !me?.missions[0]
              ? i18n.getFixedT(l)('alertsConsole.compose.hqSender')
              : me.missions[0].name[l],
          ]),
        ) as Record<Lang, string>
      }
      startCountry={me?.missions[0]?.code.slice(0, 2)}
      onSaved={async (id) => {
        if (crisisId) await post(`/api/v1/crises/${crisisId}/alerts`, { alertId: id })
        navigate(`/console/alerts/${id}`)
      }}
    />
  )
}

function Composer(props: {
  initial: ComposerValues
  initialArea: AreaDraft
  update: AlertDetail | null
  duty: boolean
  senderName: Record<Lang, string>
  startCountry?: string
  onSaved: (id: string) => void | Promise<void>
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ComposerValues>()
  const [area, setArea] = useState(props.initialArea)
  const [pending, setPending] = useState<LonLat[]>([])
  const [busy, setBusy] = useState(false)
  const [areaError, setAreaError] = useState<string>()
  const [message, setMessage] = useState<string>()
  const missions = useMissions()
  const index = useCountryIndex()
  const severity = Form.useWatch('severity', form) as string | undefined
  const applyTemplate = useAutoText(form, area, missions, index)

  const areaProblem = () =>
    pending.length
      ? t('alertsConsole.errors.unclosed')
      : isEmptyArea(area)
        ? t('alertsConsole.errors.noArea')
        : undefined
  const save = async (v: ComposerValues) => {
    setMessage(undefined)
    setAreaError(areaProblem())
    if (areaProblem()) return
    setBusy(true)
    try {
      const u = props.update
      const body = capBody(v, area, {
        msgType: u ? 'Update' : 'Alert',
        references: u ? [{ sender: u.sender, identifier: u.identifier, sent: u.sent }] : [],
        senderName: props.senderName,
      })
      const created = await post<AlertDetail>('/api/v1/alerts', body)
      await props.onSaved(created.id)
    } catch (e) {
      const split = composerErrors(e, t)
      form.setFields(split.fields)
      setAreaError(split.area)
      setMessage(split.message)
    } finally {
      setBusy(false)
    }
  }

  const needsApproval = !props.duty && (severity === 'Severe' || severity === 'Extreme')
  return (
    <>
      <Link to="/console/alerts">← {t('alertsConsole.list.title')}</Link>
      <Typography.Title level={3} style={{ marginTop: 8 }} data-testid="composer-title">
        {props.update
          ? t('alertsConsole.compose.updateTitle', {
              headline: props.update.titles[currentLocale()].headline,
            })
          : t('alertsConsole.compose.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initial}
        onFinish={save}
        onFinishFailed={() => {
          setMessage(t('alertsConsole.errors.checkFields'))
          setAreaError(areaProblem())
        }}
        data-testid="composer-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('alertsConsole.compose.area')} className="sticky-wide">
              <AreaDrawer
                value={area}
                onChange={(a) => {
                  setArea(a)
                  setAreaError(undefined)
                }}
                pending={pending}
                onPending={setPending}
                missions={missions}
                index={index}
                initialFit={draftGeometry(props.initialArea)}
                startCountry={props.duty ? undefined : props.startCountry}
                error={areaError}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('alertsConsole.compose.message')}>
              <Form.Item
                label={t('alertsConsole.compose.template')}
                extra={t('alertsConsole.compose.templateHint')}
              >
                <Select
                  placeholder={t('alertsConsole.compose.templatePlaceholder')}
                  data-testid="template"
                  onChange={applyTemplate}
                  options={EVENT_TYPES.map((e) => ({
                    value: e,
                    label: t(`alertsConsole.templates.${e}.name`),
                  }))}
                />
              </Form.Item>
              <TextTabs />
              <CodeFields />
            </Card>
          </Col>
        </Row>
        {needsApproval && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t('alertsConsole.compose.needsApproval')}
          />
        )}
        {message && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={message}
            data-testid="composer-error"
          />
        )}
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-draft">
            {t('alertsConsole.compose.saveDraft')}
          </Button>
          <Link to="/console/alerts">
            <Button>{t('common.cancel')}</Button>
          </Link>
          <Typography.Text type="secondary">{t('alertsConsole.compose.saveHint')}</Typography.Text>
        </Space>
      </Form>
    </>
  )
}
