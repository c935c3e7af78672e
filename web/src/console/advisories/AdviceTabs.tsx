import { Card, Col, Form, Input, Row, Segmented, Space, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ADVICE_SECTIONS, type AdviceText } from '../../advisories/advice.ts'
import { Markdown } from '../../advisories/Markdown.tsx'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

/**
 * The advice sections in Markdown, both languages side by side (stacked on a phone), and a preview
 * of each language as the citizen's country page renders it. The fields stay mounted in preview.
 */
export function AdviceFields() {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'edit' | 'preview'>('edit')
  const advice = Form.useWatch('advice', Form.useFormInstance()) as AdviceText | undefined
  const filled = (lang: Lang) => ADVICE_SECTIONS.filter((s) => advice?.[lang]?.[s]?.trim()).length
  const header = (lang: Lang) => (
    <Typography.Text strong data-testid={`advice-tab-${lang}`}>
      {t(`advisoriesConsole.lang.${lang}`)}{' '}
      <Typography.Text type="secondary">
        {t('advisoriesConsole.editor.filled', { n: filled(lang), total: ADVICE_SECTIONS.length })}
      </Typography.Text>
    </Typography.Text>
  )
  return (
    <div data-testid="advice-tabs">
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'edit' | 'preview')}
          data-testid="advice-mode"
          options={[
            { value: 'edit', label: t('desk.advisory.edit') },
            {
              value: 'preview',
              label: <span data-testid="advice-preview-toggle">{t('desk.advisory.preview')}</span>,
            },
          ]}
        />
        <Typography.Text type="secondary">{t('desk.advisory.markdownHint')}</Typography.Text>
      </Space>
      <div style={{ display: mode === 'edit' ? 'block' : 'none' }}>
        <Row gutter={16}>
          {LANGS.map((lang) => (
            <Col key={lang} xs={0} md={12}>
              {header(lang)}
            </Col>
          ))}
        </Row>
        {ADVICE_SECTIONS.map((s) => (
          <Row gutter={16} key={s}>
            {LANGS.map((lang) => (
              <Col key={lang} xs={24} md={12}>
                <Form.Item
                  name={['advice', lang, s]}
                  label={`${t(`advisoriesConsole.sections.${s}`)} · ${t(`advisoriesConsole.lang.${lang}`)}`}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 2, maxRows: 12 }}
                    data-testid={`advice-${lang}-${s}`}
                    placeholder={t(`advisoriesConsole.sectionHints.${s}`)}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        ))}
      </div>
      {mode === 'preview' && (
        <Row gutter={16} data-testid="advice-preview">
          {LANGS.map((lang) => (
            <Col key={lang} xs={24} md={12}>
              {header(lang)}
              <AdvicePreview text={advice?.[lang] ?? {}} lang={lang} />
            </Col>
          ))}
        </Row>
      )}
    </div>
  )
}

/** One language's sections as the citizen's country page shows them (same Markdown component). */
function AdvicePreview({ text, lang }: { text: NonNullable<AdviceText['en']>; lang: Lang }) {
  // Section titles in the console's language: the other language's strings may not be loaded.
  const { t: tl } = useTranslation()
  const present = ADVICE_SECTIONS.filter((s) => text[s]?.trim())
  if (present.length === 0)
    return <Typography.Paragraph type="secondary">{tl('advisories.noAdvice')}</Typography.Paragraph>
  return (
    <Card size="small" style={{ marginTop: 8 }} data-testid={`advice-preview-${lang}`}>
      {present.map((s) => (
        <div key={s}>
          <Typography.Title level={5}>{tl(`advisories.section.${s}`)}</Typography.Title>
          <Markdown text={text[s] ?? ''} />
        </div>
      ))}
    </Card>
  )
}

/** The same sections, read only, for a country the reader may not edit. */
export function AdviceView({ advice }: { advice: AdviceText }) {
  const { t } = useTranslation()
  return (
    <Tabs
      items={LANGS.map((lang) => {
        const text = advice[lang] ?? {}
        const present = ADVICE_SECTIONS.filter((s) => text[s])
        return {
          key: lang,
          label: t(`advisoriesConsole.lang.${lang}`),
          children: present.length ? (
            present.map((s) => (
              <div key={s}>
                <Typography.Text strong>{t(`advisoriesConsole.sections.${s}`)}</Typography.Text>
                <Markdown text={text[s] ?? ''} />
              </div>
            ))
          ) : (
            <Typography.Text type="secondary">{t('advisoriesConsole.editor.noAdvice')}</Typography.Text>
          ),
        }
      })}
    />
  )
}
