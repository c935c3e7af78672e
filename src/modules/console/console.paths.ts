/**
 * The console's paths that other pages link to, in one place (imports nothing: the web app uses it
 * too). The overview's numbers open these lists with the same filters the counts use.
 */
export const CONSOLE_PATHS = {
  /** A person's record for staff: reached from people search, the hotline, a case, a manifest, an alert's recipients. */
  personRecord: (id: string) => `/console/people/${encodeURIComponent(id)}`,
  personRecordRoute: 'people/:id',
  case: (id: string) => `/console/cases/${encodeURIComponent(id)}`,
  alert: (id: string) => `/console/alerts/${encodeURIComponent(id)}`,
  cases: (filter: Record<string, string>) => `/console/cases?${new URLSearchParams(filter)}`,
  openSos: '/console/hotline?sos=open',
  openContacts: (since: string) => `/console/hotline?${new URLSearchParams({ open: 'true', since })}`,
  alertsInProgress: '/console/alerts?status=sent',
  advisoriesPending: '/console/advisories?drafts=1',
  applicationsPending: '/console/services?status=submitted',
  appointmentsToday: '/console/appointments',
} as const

export const personRecordPath = CONSOLE_PATHS.personRecord
