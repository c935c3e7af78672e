import type {
  Coverage,
  dayList,
  MyDose,
  MyProgramme,
  Programme,
  programmeBooking,
  StockLot,
  screeningQuestions,
  screeningResult,
  worldCoverage,
} from '@server/health/campaign.schema.ts'
import type { z } from 'zod'
import { get, post, put } from '../lib/api.ts'

export type { Coverage, MyDose, MyProgramme, Programme, StockLot }
export type Question = z.infer<typeof screeningQuestions>[number]
export type DayList = z.infer<typeof dayList>
export type DayBooking = DayList['bookings'][number]
export type WorldCoverage = z.infer<typeof worldCoverage>

/** Spring Sprout's API, as the contract names it. */
export const sproutApi = {
  myProgrammes: () => get<MyProgramme[]>('/api/v1/me/health/programmes'),
  questions: (id: string) => get<Question[]>(`/api/v1/health/programmes/${id}/screening-questions`),
  screen: (id: string, answers: Record<string, boolean | string>) =>
    put<z.infer<typeof screeningResult>>(`/api/v1/me/health/screening/${id}`, { answers }),
  book: (id: string, body: { siteId: string; start: string; altcha: string }) =>
    post<z.infer<typeof programmeBooking>>(`/api/v1/me/health/programmes/${id}/bookings`, body),
  myDoses: () => get<MyDose[]>('/api/v1/me/health/doses'),
  reportEvent: (body: { doseId: string; severity: string; description: string }) =>
    post<{ id: string; caseId: string | null }>('/api/v1/me/health/adverse-events', body),
  programmes: () => get<Programme[]>('/api/v1/health/programmes'),
  createProgramme: (body: unknown) => post<{ id: string }>('/api/v1/health/programmes', body),
  day: (siteId: string) => get<DayList>(`/api/v1/health/sites/${siteId}/day`),
  checkIn: (siteId: string, appointmentId: string) =>
    post<{ ticket: string }>(`/api/v1/health/sites/${siteId}/bookings/${appointmentId}/check-in`),
  callNext: (siteId: string, counter: number) =>
    post<{ ticket: string; appointmentId: string | null }>(`/api/v1/health/sites/${siteId}/queue/next`, {
      counter,
    }),
  stock: (siteId: string) => get<StockLot[]>(`/api/v1/health/sites/${siteId}/stock`),
  receive: (siteId: string, body: { product: string; lot: string; expiresOn: string; doses: number }) =>
    post<{ id: string }>(`/api/v1/health/sites/${siteId}/stock`, body),
  coverage: (country: string) =>
    get<Coverage>(`/api/v1/health/coverage?country=${encodeURIComponent(country)}`),
  world: () => get<WorldCoverage>('/api/v1/health/coverage/world'),
}
