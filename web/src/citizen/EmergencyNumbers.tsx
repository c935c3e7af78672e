import type { Country, Mission } from '@server/reference/reference.schema.ts'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { get } from '../lib/api.ts'
import { loadCountries } from '../lib/countries.ts'
import { localized } from '../lib/i18n.ts'
import './advice.css'

/** The global consular protection hotline, dialled from anywhere. */
export const HOTLINE = '+86-10-12308'

let missionList: Promise<Mission[]> | undefined
function loadMissions(): Promise<Mission[]> {
  missionList ??= get<Mission[]>('/api/v1/missions').catch((e: unknown) => {
    missionList = undefined
    throw e
  })
  return missionList
}

/** The missions covering a country: its embassy first, then consulates, then missions whose district reaches it. */
export function missionsFor(missions: readonly Mission[], country: string): Mission[] {
  const rank = (m: Mission) => (m.country === country ? 0 : 1) + (m.kind === 'embassy' ? 0 : 0.5)
  return missions
    .filter((m) => m.country === country || m.district.countries.includes(country))
    .sort((a, b) => rank(a) - rank(b))
}

/** A number as a `tel:` link: digits and a leading + only, as dialers want. */
export function Tel({ number, testId, label }: { number: string; testId?: string; label?: string }) {
  return (
    <a className="tel" href={`tel:${number.replace(/[^+0-9]/g, '')}`} data-testid={testId}>
      {label ?? number}
    </a>
  )
}

function useData() {
  const [data, setData] = useState<{ countries: Country[]; missions: Mission[] }>()
  useEffect(() => {
    let live = true
    Promise.all([loadCountries(), loadMissions()])
      .then(([countries, missions]) => live && setData({ countries, missions }))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return data
}

function MissionNumbers({ m }: { m: Mission }) {
  const { t } = useTranslation()
  return (
    <div className="numbers-mission" data-testid={`mission-numbers-${m.code}`}>
      <div className="numbers-name">{localized(m.name)}</div>
      {m.emergencyPhone ? (
        <div>
          {t('advice.numbers.emergencyLine')}:{' '}
          <Tel number={m.emergencyPhone} testId={`mission-emergency-${m.code}`} />
        </div>
      ) : (
        <div className="numbers-missing" data-testid={`mission-no-line-${m.code}`}>
          {t('advice.numbers.noEmergencyLine')} <Tel number={HOTLINE} label="12308" />
        </div>
      )}
      {m.phone && (
        <div>
          {t('advice.numbers.office')}: <Tel number={m.phone} testId={`mission-phone-${m.code}`} />
        </div>
      )}
      {m.email && (
        <div>
          {t('advice.numbers.email')}: <a href={`mailto:${m.email}`}>{m.email}</a>
        </div>
      )}
      {m.hours && (
        <div>
          {t('advice.numbers.hours')}: {localized(m.hours)}
        </div>
      )}
    </div>
  )
}

/**
 * Emergency numbers as `tel:` links: the country's police, ambulance and fire (with their source),
 * the missions covering it (24-hour line, office, e-mail, hours) and the global hotline 12308.
 * Without a country, the hotline alone. `missions` limits the missions shown (1 on a trip card).
 */
export function EmergencyNumbers({
  country,
  maxMissions = 3,
  title = true,
}: {
  country?: string
  maxMissions?: number
  title?: boolean
}) {
  const { t } = useTranslation()
  const data = useData()
  const c = country ? data?.countries.find((x) => x.code === country) : undefined
  const name = c ? localized(c.name) : (country ?? '')
  const missions = country && data ? missionsFor(data.missions, country).slice(0, maxMissions) : []
  const n = c?.emergencyNumbers
  return (
    <section className="emergency-numbers" data-testid={`emergency-numbers${country ? `-${country}` : ''}`}>
      {title && <h2 className="numbers-title">{t('advice.numbers.title')}</h2>}
      {country && data && (
        <>
          {n ? (
            <div className="numbers-local">
              <div className="numbers-name">{t('advice.numbers.local', { country: name })}</div>
              <div className="numbers-row">
                {(['police', 'ambulance', 'fire'] as const).map((kind) => (
                  <span key={kind} className="numbers-cell">
                    <span className="numbers-kind">{t(`advice.numbers.${kind}`)}</span>
                    {n[kind] ? (
                      <Tel number={n[kind]} testId={`local-${kind}-${country}`} />
                    ) : (
                      <span className="numbers-missing">{t('advice.numbers.unknown')}</span>
                    )}
                  </span>
                ))}
              </div>
              <span className="secondary numbers-source">
                {t('advice.numbers.source', { source: localized(n.sourceName) })}
              </span>
            </div>
          ) : (
            <div className="numbers-missing">{t('advice.numbers.noLocal', { country: name })}</div>
          )}
          {missions.length === 0 ? (
            <div className="numbers-missing">{t('advice.numbers.noMission', { country: name })}</div>
          ) : (
            missions.map((m) => <MissionNumbers key={m.code} m={m} />)
          )}
        </>
      )}
      <div className="numbers-hotline">
        {t('advice.numbers.hotline')}: <Tel number={HOTLINE} testId="hotline-tel" />
      </div>
    </section>
  )
}
