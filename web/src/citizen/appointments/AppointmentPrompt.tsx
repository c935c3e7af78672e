import type { Service } from '@server/applications/catalogue.schema.ts'
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ACTIVE, appointmentsApi, dayLabel, localDate, localTime } from '../../appointments/api.ts'
import { get } from '../../lib/api.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { LinkButton } from '../../lib/LinkButton.tsx'
import { useLoad } from '../../lib/useLoad.ts'

/**
 * On an application whose service needs a visit: the booking if there is one, else a link to
 * book. Only a prompt: submitting never waits for it.
 */
export function AppointmentPrompt({
  application,
}: {
  application: { id: string; service: string; mission: string; status: string }
}) {
  const { t } = useTranslation()
  const lang = currentLocale()
  const { data } = useLoad(async () => {
    const services = await get<Service[]>(`/api/v1/missions/${application.mission}/services`).catch(() => [])
    if (!services.find((s) => s.code === application.service)?.requiresAppointment) return undefined
    const mine = await appointmentsApi.mine().catch(() => [])
    const booking = mine.find(
      (a) =>
        ACTIVE.has(a.status) &&
        (a.applicationId === application.id ||
          (a.service === application.service && a.mission === application.mission)),
    )
    return { booking }
  }, `${application.id}|${application.mission}|${application.service}`)
  if (!data || ['withdrawn', 'refused', 'collected'].includes(application.status)) return null
  if (data.booking)
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginTop: 12 }}
        data-testid="appointment-prompt"
        data-booked="true"
        title={
          <Link to="/me/appointments">
            {t('appointments.prompt.booked', {
              when: `${dayLabel(localDate(data.booking.start), lang, 'long')} ${localTime(data.booking.start)}`,
            })}
          </Link>
        }
      />
    )
  const params = new URLSearchParams({
    mission: application.mission,
    service: application.service,
    applicationId: application.id,
  })
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="appointment-prompt"
      title={t('appointments.prompt.title')}
      description={t('appointments.prompt.body')}
      action={
        <LinkButton
          to={`/me/appointments/book?${params}`}
          size="small"
          type="primary"
          data-testid="prompt-book"
        >
          {t('appointments.prompt.book')}
        </LinkButton>
      }
    />
  )
}
