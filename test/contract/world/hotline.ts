import { TOKYO_AREA } from '../../helpers/crises.ts'
import { multipart, pdf } from '../../helpers/files.ts'
import { TOKYO_PERSON } from '../canaries.ts'
import type { Who } from '../principals.ts'
import { type Builder, expectStatus, PARIS, TOKYO } from './builder.ts'

/** The hotline's work: contacts and cases in Tokyo (about A) and in Paris (about B), files on one. */
export async function addCases(b: Builder, people: { citizenA: string; citizenB: string }) {
  const { made } = b
  const contact = async (who: Who, body: object, what: string) =>
    (await made(who, 'POST', '/api/v1/contacts', { channel: 'phone', ...body }, what)).id
  const contactTokyo = await contact(
    'operator',
    {
      caller: { personId: people.citizenA },
      summary: `${TOKYO_PERSON.word} contact: lost passport in Shinjuku`,
    },
    'a Tokyo contact',
  )
  const contactsToLink: string[] = []
  for (let i = 0; i < 3; i++)
    contactsToLink.push(
      await contact(
        'operator',
        { caller: { name: 'Caller in Tokyo' }, summary: `${TOKYO_PERSON.word} follow-up ${i}`, ...TOKYO },
        'a Tokyo contact to link',
      ),
    )
  const contactParis = await contact(
    'operator',
    { caller: { personId: people.citizenB }, summary: 'Stolen bag near the Louvre' },
    'a Paris contact',
  )
  const helpTokyo = (
    await made(
      'citizenA',
      'POST',
      '/api/v1/me/help',
      { message: `${TOKYO_PERSON.word} help: I am hurt` },
      'SOS',
    )
  ).id
  const helpTokyoSpare = (
    await made('citizenA', 'POST', '/api/v1/me/help', { message: 'Lost in the crowd' }, 'an SOS to cancel')
  ).id
  const openCase = async (who: Who, body: object, what: string) =>
    (await made(who, 'POST', '/api/v1/cases', body, what)).id
  const caseTokyo = await openCase(
    'operator',
    {
      type: 'detention',
      summary: `${TOKYO_PERSON.word} case: held by the police in Tokyo`,
      ...TOKYO,
      people: [{ personId: people.citizenA }],
    },
    'the Tokyo case',
  )
  const caseTokyoNeedToKnow = await openCase(
    'duty',
    { type: 'kidnapping', summary: `${TOKYO_PERSON.word} case: missing, ransom asked`, ...TOKYO },
    'a need-to-know case in Tokyo',
  )
  const caseParis = await openCase(
    'operator',
    { type: 'fraud', summary: 'Rental fraud in Paris', ...PARIS, people: [{ personId: people.citizenB }] },
    'the Paris case',
  )
  const upload = async (name: string) => {
    const { payload, contentType } = multipart([{ name, type: 'application/pdf', content: pdf(name) }])
    const res = await b.rt.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseTokyo}/attachments`,
      headers: { cookie: b.cookies.officerTokyo, 'content-type': contentType },
      payload,
    })
    return expectStatus(res, 201, `attaching ${name}`).json().items[0].id as string
  }
  const attachmentTokyo = await upload('hospital-note.pdf')
  const attachmentTokyoSpare = await upload('old-note.pdf')
  return {
    contactTokyo,
    contactsToLink,
    contactParis,
    helpTokyo,
    helpTokyoSpare,
    caseTokyo,
    caseTokyoNeedToKnow,
    caseParis,
    attachmentTokyo,
    attachmentTokyoSpare,
  }
}

/** A crisis over Tokyo with somewhere to gather and a bus out; a second one to close. */
export async function addCrises(b: Builder) {
  const crisis = async (name: string) =>
    (await b.made('duty', 'POST', '/api/v1/crises', { name, country: 'JP', area: TOKYO_AREA }, name)).id
  const crisisTokyo = await crisis('Tokyo earthquake')
  const crisisTokyoSpare = await crisis('Tokyo floods')
  const withPoint = await b.made<{ assemblyPoints: { id: string }[] }>(
    'officerTokyo',
    'POST',
    `/api/v1/crises/${crisisTokyo}/assembly-points`,
    { name: 'Embassy garden', ...TOKYO },
    'an assembly point',
  )
  const assemblyPointTokyo = withPoint.assemblyPoints[0]!.id
  const withLeg = await b.made<{ legs: { id: string }[] }>(
    'officerTokyo',
    'POST',
    `/api/v1/crises/${crisisTokyo}/legs`,
    {
      name: 'Bus 1',
      mode: 'bus',
      fromPointId: assemblyPointTokyo,
      destination: 'Narita',
      departsAt: new Date(Date.now() + 86_400_000).toISOString(),
      capacity: 40,
    },
    'a leg',
  )
  return { crisisTokyo, crisisTokyoSpare, assemblyPointTokyo, legTokyo: withLeg.legs[0]!.id }
}
