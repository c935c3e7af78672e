import { z } from 'zod'

export const holdJobType = {
  name: 'appointments.hold-expiry',
  payload: z.object({ appointmentId: z.uuid() }),
}
