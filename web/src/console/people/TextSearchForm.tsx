import type { Country } from '@server/reference/reference.schema.ts'
import { Button, Col, Form, Grid, Input, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { localized } from '../../lib/i18n.ts'

export interface TextValues {
  q?: string
  country?: string
}

export function TextSearchForm(props: {
  countries: Country[]
  busy: boolean
  onSearch: (v: TextValues) => void
}) {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  return (
    <Form layout="vertical" onFinish={props.onSearch} requiredMark={false} data-testid="people-text-form">
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item
            name="q"
            label={t('peopleConsole.text.q')}
            extra={t('peopleConsole.text.qHint')}
            rules={[{ max: 100, message: t('peopleConsole.text.tooLong') }]}
          >
            <Input allowClear data-testid="people-q" placeholder={t('peopleConsole.text.qPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="country"
            label={t('peopleConsole.text.country')}
            extra={t('peopleConsole.text.countryHint')}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="people-country"
              placeholder={t('peopleConsole.text.anyCountry')}
              options={props.countries.map((c) => ({
                value: c.code,
                label: `${localized(c.name)} (${c.code})`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={screens.md ? '\u00a0' : undefined}>
            <Button type="primary" htmlType="submit" loading={props.busy} data-testid="people-search">
              {t('peopleConsole.search')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  )
}
