import { Button, Form, Input, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseArea } from './polygon.ts'
import type { Polygon } from './query.ts'

const EXAMPLE = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [139.5, 35.5],
      [140.0, 35.5],
      [140.0, 35.9],
      [139.5, 35.9],
      [139.5, 35.5],
    ],
  ],
})

/** Paste a GeoJSON Polygon (lon,lat order); it is checked here before the server sees it. */
export function AreaSearchForm(props: {
  busy: boolean
  serverError?: string
  onSearch: (a: Polygon) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ geojson: string }>()
  const [error, setError] = useState<string>()
  const shown = error ?? props.serverError

  function submit({ geojson }: { geojson: string }) {
    const parsed = parseArea(geojson ?? '')
    if ('error' in parsed) return setError(t(`peopleConsole.area.errors.${parsed.error}`))
    setError(undefined)
    props.onSearch(parsed.area)
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="people-area-form">
      <Form.Item
        name="geojson"
        label={t('peopleConsole.area.label')}
        extra={t('peopleConsole.area.hint')}
        validateStatus={shown ? 'error' : undefined}
        help={shown}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          placeholder={EXAMPLE}
          data-testid="people-area"
          onChange={() => setError(undefined)}
        />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={props.busy} data-testid="people-area-search">
          {t('peopleConsole.search')}
        </Button>
        <Button
          onClick={() => form.setFieldsValue({ geojson: JSON.stringify(JSON.parse(EXAMPLE), null, 1) })}
        >
          {t('peopleConsole.area.example')}
        </Button>
      </Space>
    </Form>
  )
}
