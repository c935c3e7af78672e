import { ROLES, type Role } from './role.enums.ts'

export { ROLES, type Role }

export const STAFF_ROLES: readonly Role[] = ['operator', 'officer', 'duty_officer', 'admin', 'clinician']

/** Anyone whose roles can be asked about: a principal, a session, a user row. */
interface HasRoles {
  readonly roles: readonly string[]
}
const has = (who: HasRoles, role: Role) => who.roles.includes(role)

/**
 * Who may call a route, named by what the callers do. Every route's `config.access` is one of
 * these (or `'public'`), so "who may do this?" is answered here and nowhere else. Each is an
 * `Access` of platform/http, checked where a route declares it: this file imports nothing but
 * the role list, so the web app can ask the same questions.
 */
export const ACCESS = {
  /** Anyone signed in, whatever their role: their own account, inbox and channels. */
  signedIn: { roles: ROLES },
  citizens: { roles: ['citizen'] },
  /** People with registry data of their own (export, deletion, alerts addressed to them). */
  registered: { roles: ['citizen', 'enterprise'] },
  /** The hotline and consular officers: cases, contacts, crises, alerts to read. */
  hotline: { roles: ['operator', 'officer', 'duty_officer'] },
  /** Officers and duty officers: draft advisories and alerts, run crises, search people. */
  officers: { roles: ['officer', 'duty_officer'] },
  /** HQ only: publish advisories, take hazard feeds in. */
  dutyOfficers: { roles: ['duty_officer'] },
  admins: { roles: ['admin'] },
  /** Who keeps a mission's appointment calendar: its officers (duty officers every mission's) and the admins. */
  calendarKeepers: { roles: ['officer', 'duty_officer', 'admin'] },
  /** Clinicians at a vaccination site: find a person by passport, record doses (which issue certificates). */
  clinicians: { roles: ['clinician'] },
  /** Who may see the vaccination sites: the clinicians working them and the administrators. */
  healthStaff: { roles: ['clinician', 'admin'] },
  /** Who opens vaccination programmes (Spring Sprout): HQ's duty officers and the administrators. */
  programmeKeepers: { roles: ['duty_officer', 'admin'] },
  /** Who reads the programmes: those who open them and the clinicians who run them. */
  programmeReaders: { roles: ['duty_officer', 'admin', 'clinician'] },
  /** Who reads vaccination coverage: HQ every country, officers their missions' countries. */
  coverageReaders: { roles: ['officer', 'duty_officer', 'admin'] },
  /**
   * Accounts that register and run overseas enterprises (any such account becomes the first
   * administrator of what it registers); membership of each enterprise is checked by the module.
   */
  enterpriseAccounts: { roles: ['enterprise', 'citizen'] },
  /** An enterprise's members, and the staff who verify enterprises, read an enterprise and its sites. */
  enterpriseReaders: { roles: ['enterprise', 'citizen', 'duty_officer', 'admin'] },
  /** Who verifies a registered enterprise before missions see it. */
  enterpriseVerifiers: { roles: ['duty_officer', 'admin'] },
  /** Organisations receiving messages by webhook, and the admins who set them up. */
  webhookOwners: { roles: ['enterprise', 'admin'] },
} as const satisfies Record<string, { roles: readonly Role[] }>

/** Route access for anyone signed in (kept for its many callers). */
export const SIGNED_IN = ACCESS.signedIn

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))
}

/** The caller holds one of the roles a route access names. */
export const allowedBy = (access: { readonly roles: readonly string[] }, who: HasRoles) =>
  access.roles.some((r) => who.roles.includes(r))

/** Duty officers and the hotline work every mission's cases, crises, alerts and people; officers their missions'. */
export const seesEveryMission = (who: HasRoles) => has(who, 'duty_officer') || has(who, 'operator')

/** Need-to-know cases (kidnappings) are seen by duty officers besides their own team. */
export const seesNeedToKnow = (who: HasRoles) => has(who, 'duty_officer')

/** Officers' severe and extreme alerts wait for one of these to approve them. */
export const approvesAlerts = (who: HasRoles) => has(who, 'duty_officer')
