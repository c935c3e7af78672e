import type { Signer } from '../../platform/crypto/signer.ts'

const PURPOSE = 'appointment-manage'

/** The signature of an appointment's manage link: it lets whoever holds the link see, cancel or move it. */
export function manageSignature(signer: Signer, appointmentId: string): string {
  return signer.sign(PURPOSE, [appointmentId])
}

export function verifyManageSignature(signer: Signer, appointmentId: string, sig: string): boolean {
  return signer.verify(PURPOSE, [appointmentId], sig)
}

/** The web page a booking's e-mail links to (no sign-in needed): `/appointments/manage/{id}?sig=…`. */
export function managePath(signer: Signer, appointmentId: string): string {
  return `/appointments/manage/${appointmentId}?sig=${manageSignature(signer, appointmentId)}`
}
