import { CHANNELS } from '@server/cases/hotline/contact.enums.ts'
import type { Channel, Contact, contactList } from '@server/cases/hotline/contact.schema.ts'
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { z } from 'zod'
import { get, post } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { normalizePhone } from '../../lib/fields.ts'
import { CallerCard } from './CallerCard.tsx'
import { CaseIntake } from './CaseIntake.tsx'
import { HelpFeed } from './HelpFeed.tsx'
import { OpenContacts } from './OpenContacts.tsx'

type ContactList = z.infer<typeof contactList>

/** The operator's screen: find the caller by number, record the contact, open or link a case. */
export function HotlinePage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [phone, setPhone] = useState('')
  const [lookup, setLookup] = useState<ContactList>()
  const [lookupError, setLookupError] = useState<unknown>()
  const [saved, setSaved] = useState<Contact>()
  const [intake, setIntake] = useState(false)
  const [busy, setBusy] = useState(false)
  const [params] = useSearchParams()
  const [form] = Form.useForm<{ channel: Channel; name?: string; summary: string; caseId?: string }>()

  const find = async (number = phone) => {
    setLookupError(undefined)
    setSaved(undefined)
    const e164 = normalizePhone(number)
    if (!e164) return
    try {
      setLookup(await get<ContactList>(`/api/v1/contacts?caller=${encodeURIComponent(e164)}`))
    } catch (e) {
      setLookup(undefined)
      setLookupError(e)
    }
  }
  const record = async (
    v: { channel: Channel; name?: string; summary: string; caseId?: string },
    thenOpenCase = false,
  ) => {
    setBusy(true)
    try {
      const person = lookup?.person
      const contact = await post<Contact>('/api/v1/contacts', {
        channel: v.channel,
        caller: {
          ...(normalizePhone(phone) ? { phone: normalizePhone(phone) } : {}),
          ...(person ? { personId: person.id } : v.name?.trim() ? { name: v.name.trim() } : {}),
        },
        summary: v.summary,
        ...(v.caseId ? { caseId: v.caseId } : {}),
      })
      setSaved(contact)
      message.success(t('hotline.recorded'))
      await find()
      setSaved(contact)
      if (thenOpenCase && !contact.caseId) setIntake(true)
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  const pickHelp = (c: Contact) => {
    const number = c.caller.phone ?? c.person?.phone ?? ''
    setPhone(number)
    void find(number).then(() => setSaved(c))
  }

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('hotline.title')}
        </Typography.Title>
        <Space.Compact style={{ width: '100%', maxWidth: 420, marginBottom: 16 }}>
          <Input
            size="large"
            type="tel"
            placeholder={t('hotline.phonePlaceholder')}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            onPressEnter={() => find()}
            data-testid="caller-phone"
          />
          <Button size="large" type="primary" onClick={() => find()} data-testid="caller-find">
            {t('hotline.find')}
          </Button>
        </Space.Compact>
        {lookupError !== undefined && (
          <Alert type="error" showIcon title={errorMessage(lookupError, t)} style={{ marginBottom: 16 }} />
        )}
        {lookup && (
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <CallerCard result={lookup} />
            <Card size="small" title={t('hotline.newContact')}>
              <Form
                form={form}
                layout="vertical"
                onFinish={record}
                initialValues={{ channel: 'phone' }}
                data-testid="contact-form"
              >
                <Space wrap>
                  <Form.Item name="channel" label={t('hotline.channelLabel')}>
                    <Select
                      style={{ width: 160 }}
                      options={CHANNELS.map((c) => ({ value: c, label: t(`hotline.channel.${c}`) }))}
                    />
                  </Form.Item>
                  {!lookup.person && (
                    <Form.Item name="name" label={t('hotline.name')}>
                      <Input data-testid="contact-name" />
                    </Form.Item>
                  )}
                  {!!lookup.person?.openCases?.length && (
                    <Form.Item name="caseId" label={t('hotline.belongsTo')}>
                      <Select
                        allowClear
                        style={{ minWidth: 220 }}
                        options={lookup.person.openCases.map((c) => ({
                          value: c.id,
                          label: `${c.reference} · ${t(`cases.type.${c.type}`)}`,
                        }))}
                      />
                    </Form.Item>
                  )}
                </Space>
                <Form.Item
                  name="summary"
                  label={t('hotline.summary')}
                  rules={[{ required: true, message: t('cases.required') }]}
                >
                  <Input.TextArea rows={3} maxLength={4000} data-testid="contact-summary" />
                </Form.Item>
                <Space wrap>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="contact-save">
                    {t('hotline.record')}
                  </Button>
                  {saved ? (
                    <Button disabled={!!saved.caseId} onClick={() => setIntake(true)} data-testid="open-case">
                      {t('hotline.openCase')}
                    </Button>
                  ) : (
                    <Button
                      loading={busy}
                      onClick={() =>
                        form
                          .validateFields()
                          .then((v) => record(v, true))
                          .catch(() => undefined)
                      }
                      data-testid="save-and-open-case"
                    >
                      {t('desk.hotline.saveAndOpen')}
                    </Button>
                  )}
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="open-case-hint">
                  {saved?.caseId
                    ? t('desk.hotline.alreadyOnCase')
                    : saved
                      ? null
                      : t('desk.hotline.saveFirst')}
                </Typography.Paragraph>
              </Form>
            </Card>
          </Space>
        )}
      </Col>
      <Col xs={24} lg={9}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {params.get('open') === 'true' && <OpenContacts since={params.get('since')} onPick={pickHelp} />}
          <HelpFeed onPick={pickHelp} openOnly={params.get('sos') === 'open'} />
        </Space>
      </Col>
      <CaseIntake
        open={intake}
        contact={saved}
        person={lookup?.person ?? null}
        onClose={() => setIntake(false)}
      />
    </Row>
  )
}
