import type { draftResponse } from '@server/advisories/advisories.schema.ts'
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ADVICE_SECTIONS, type AdviceText } from '../../advisories/advice.ts'
import { put } from '../../lib/api.ts'
import { type PlaceError, putFieldErrors } from '../../lib/fields.ts'
import { AdviceFields, LANGS } from './AdviceTabs.tsx'
import { LevelMeaning, LevelSelect } from './LevelSelect.tsx'
import { PublishButton } from './PublishButton.tsx'

type Draft = z.infer<typeof draftResponse>

interface Values {
  /** None yet for a country without a published advisory: the officer chooses one. */
  level?: number
  summary: { 'zh-CN': string; en: string }
  advice?: AdviceText
}

const DRAFT_FIELDS = new Set(['level', 'summary', 'advice'])

/** Errors on the level, the summaries and the advice sections sit on those fields; the rest go on top. */
const onDraftField =
  (t: TFunction): PlaceError =>
  (name) => {
    const head = name[0]
    return typeof head === 'string' && DRAFT_FIELDS.has(head)
      ? { name, errors: [t(`advisoriesConsole.invalid.${head}`)] }
      : undefined
  }

/** Empty sections are left out rather than saved as blank text. */
function cleanAdvice(advice: AdviceText | undefined): AdviceText {
  const out: AdviceText = {}
  for (const lang of LANGS) {
    const sections = Object.fromEntries(
      ADVICE_SECTIONS.map((s) => [s, advice?.[lang]?.[s]?.trim()]).filter(([, v]) => v),
    )
    if (Object.keys(sections).length) out[lang] = sections
  }
  return out
}

export function DraftForm(props: {
  country: string
  countryName: string
  initial: Values
  draft: Draft | null
  mayPublish: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const level = Form.useWatch('level', form)
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const required = { required: true, whitespace: true, message: t('advisoriesConsole.invalid.summary') }

  async function save(values: Values) {
    setBusy(true)
    setError(undefined)
    try {
      await put(`/api/v1/advisories/${props.country}`, {
        level: values.level,
        summary: values.summary,
        advice: cleanAdvice(values.advice),
      })
      message.success(t('advisoriesConsole.editor.saved'))
      setDirty(false)
      props.onChanged()
    } catch (e) {
      setError(putFieldErrors(form, e, t, onDraftField(t)).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="draft-form">
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initial}
        onFinish={save}
        onValuesChange={() => setDirty(true)}
        requiredMark={false}
      >
        <Form.Item
          name="level"
          label={t('advisoriesConsole.editor.level')}
          style={{ marginBottom: 8 }}
          rules={[{ required: true, message: t('advice.noLevel') }]}
        >
          <LevelSelect />
        </Form.Item>
        <LevelMeaning level={level} />
        <Typography.Title level={5}>{t('advisoriesConsole.editor.summary')}</Typography.Title>
        {LANGS.map((lang) => (
          <Form.Item
            key={lang}
            name={['summary', lang]}
            label={t(`advisoriesConsole.lang.${lang}`)}
            rules={[required]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={`summary-${lang}`} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('advisoriesConsole.editor.advice')}</Typography.Title>
        <AdviceFields />
        {error && <Alert type="error" title={error} data-testid="draft-error" style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-draft">
            {t('advisoriesConsole.editor.save')}
          </Button>
          {props.mayPublish && (
            <PublishButton
              country={props.country}
              countryName={props.countryName}
              level={props.draft?.level ?? 0}
              disabled={!props.draft || dirty}
              onPublished={props.onChanged}
            />
          )}
          {!props.mayPublish && (
            <Typography.Text type="secondary">{t('advisoriesConsole.publish.byDuty')}</Typography.Text>
          )}
          {props.mayPublish && (!props.draft || dirty) && (
            <Typography.Text type="secondary" data-testid="publish-hint">
              {t(props.draft ? 'advisoriesConsole.publish.saveFirst' : 'advisoriesConsole.publish.noDraft')}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
  )
}
