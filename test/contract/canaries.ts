/**
 * Values that belong to the Tokyo people of the contract world (citizen A, A's dependants, the
 * Tokyo case and contacts) and to nobody else: a response to someone who may not read them must
 * never contain one. Each is unusual enough not to turn up by chance.
 */
export const TOKYO_PERSON = {
  /** In A's Latin name, account name, e-mail, dependants' names, and the Tokyo case and contact texts. */
  word: 'Qxcanary',
  nameLatin: 'Qxcanary Tokiowa',
  nameZh: '金丝雀东京',
  email: 'qxcanary.tokiowa@example.org',
  phone: '+819077301194',
  passportNumber: 'QX7730419',
  dependantPassport: 'QX7730420',
  /** A's exact position (now and on the trip): digits no other place of the world uses. */
  lat: 35.6712347,
  lon: 139.7612349,
} as const

export interface Canary {
  readonly label: string
  readonly value: string
}

export const CANARIES: readonly Canary[] = [
  { label: 'name', value: TOKYO_PERSON.word },
  { label: 'Chinese name', value: TOKYO_PERSON.nameZh },
  { label: 'phone', value: TOKYO_PERSON.phone },
  { label: 'phone (national digits)', value: TOKYO_PERSON.phone.slice(3) },
  { label: 'passport number', value: TOKYO_PERSON.passportNumber },
  { label: "dependant's passport number", value: TOKYO_PERSON.dependantPassport },
  { label: 'latitude', value: String(TOKYO_PERSON.lat) },
  { label: 'longitude', value: String(TOKYO_PERSON.lon) },
]

/**
 * The canaries found in a response, leaving out those the request itself carried (a caller who
 * sends a phone number gets it echoed back; that tells them nothing).
 */
export function canariesIn(response: string, request: string): Canary[] {
  const res = response.toLowerCase()
  const req = request.toLowerCase()
  return CANARIES.filter((c) => {
    const v = c.value.toLowerCase()
    return res.includes(v) && !req.includes(v)
  })
}
