import { advisoriesMatrix } from './advisories.ts'
import { alertsMatrix } from './alerts.ts'
import { applicationsMatrix } from './applications.ts'
import { appointmentsMatrix } from './appointments.ts'
import { casesMatrix } from './cases.ts'
import { consoleMatrix } from './console.ts'
import { crisesMatrix } from './crises.ts'
import { enterprisesMatrix } from './enterprises.ts'
import type { Matrix } from './entry.ts'
import { healthMatrix } from './health.ts'
import { identityMatrix } from './identity.ts'
import { notificationsMatrix } from './notifications.ts'
import { registrationsMatrix } from './registrations.ts'

export type { Expected, MatrixEntry, Probe, RequestParts } from './entry.ts'

const PARTS: readonly Matrix[] = [
  identityMatrix,
  registrationsMatrix,
  notificationsMatrix,
  advisoriesMatrix,
  casesMatrix,
  crisesMatrix,
  alertsMatrix,
  applicationsMatrix,
  healthMatrix,
  enterprisesMatrix,
  appointmentsMatrix,
  consoleMatrix,
]

function merge(parts: readonly Matrix[]): Matrix {
  const all: Record<string, Matrix[string]> = {}
  for (const part of parts)
    for (const [key, entry] of Object.entries(part)) {
      if (all[key]) throw new Error(`the matrix has two entries for ${key}`)
      all[key] = entry
    }
  return all
}

/** Every operation of the API, by `METHOD /path` as the OpenAPI document writes it. */
export const MATRIX: Matrix = merge(PARTS)
