import type { Application, ApplicationSummary } from '@server/applications/application.schema.ts'
import type { Service } from '@server/applications/catalogue.schema.ts'

export type { Application, ApplicationSummary, Service }
