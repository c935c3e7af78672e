import { Button, Form, Input, Select, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { FormError } from './FormError.tsx'

/** The API's refusal, then Save and Cancel: the foot of every modal form. */
export function ModalFormFooter({
  error,
  busy,
  onCancel,
  saveTestId,
}: {
  error: unknown
  busy: boolean
  onCancel: () => void
  saveTestId: string
}) {
  const { t } = useTranslation()
  return (
    <>
      <FormError error={error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={saveTestId}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </>
  )
}

/** Date of birth, sex and passport number, as a profile and a family member both ask them. */
export function IdentityFields({
  maskedPassport,
  dobTestId,
  dobRequired,
}: {
  maskedPassport: string | null | undefined
  dobTestId: string
  dobRequired?: boolean
}) {
  const { t } = useTranslation()
  return (
    <>
      <Space wrap>
        <Form.Item
          name="dateOfBirth"
          label={t('profile.dateOfBirth')}
          rules={dobRequired ? [{ required: true, message: t('profile.required') }] : undefined}
        >
          <Input type="date" data-testid={dobTestId} />
        </Form.Item>
        <Form.Item name="sex" label={t('profile.sex')}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={(['F', 'M', 'X'] as const).map((s) => ({ value: s, label: t(`profile.sexes.${s}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="passportNumber"
        label={t('profile.passport')}
        extra={
          maskedPassport ? t('profile.passportOnFile', { masked: maskedPassport }) : t('profile.passportHint')
        }
      >
        <Input autoComplete="off" />
      </Form.Item>
    </>
  )
}
