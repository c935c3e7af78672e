import { Form, Input, Tabs, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ADVICE_SECTIONS, type AdviceText } from '../../advisories/advice.ts'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** The advice sections in both languages, one tab per language; every pane stays mounted for the form. */
export function AdviceFields({ active, onChange }: { active: Lang; onChange: (l: Lang) => void }) {
  const { t } = useTranslation()
  const advice = Form.useWatch('advice', Form.useFormInstance()) as AdviceText | undefined
  const filled = (lang: Lang) => ADVICE_SECTIONS.filter((s) => advice?.[lang]?.[s]?.trim()).length
  return (
    <Tabs
      activeKey={active}
      onChange={(k) => onChange(k as Lang)}
      data-testid="advice-tabs"
      items={LANGS.map((lang) => ({
        key: lang,
        forceRender: true,
        label: (
          <span data-testid={`advice-tab-${lang}`}>
            {t(`advisoriesConsole.lang.${lang}`)}{' '}
            <Typography.Text type="secondary">
              {t('advisoriesConsole.editor.filled', { n: filled(lang), total: ADVICE_SECTIONS.length })}
            </Typography.Text>
          </span>
        ),
        children: ADVICE_SECTIONS.map((s) => (
          <Form.Item key={s} name={['advice', lang, s]} label={t(`advisoriesConsole.sections.${s}`)}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 12 }}
              data-testid={`advice-${lang}-${s}`}
              placeholder={t(`advisoriesConsole.sectionHints.${s}`)}
            />
          </Form.Item>
        )),
      }))}
    />
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
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text[s]}</Typography.Paragraph>
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
