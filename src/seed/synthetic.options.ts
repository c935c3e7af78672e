import { z } from 'zod'

/** The registry the design is sized for: 10 million people. */
export const MAX_SYNTHETIC_PEOPLE = 10_000_000

export class SyntheticOptionsError extends Error {}

const schema = z.strictObject({
  people: z.coerce
    .number({ message: '--people must be a number' })
    .int('--people must be a whole number')
    .min(1, '--people must be at least 1')
    .max(MAX_SYNTHETIC_PEOPLE, `--people must be at most ${MAX_SYNTHETIC_PEOPLE.toLocaleString('en')}`),
  tripsPerPerson: z.coerce
    .number({ message: '--trips-per-person must be a number' })
    .min(0, '--trips-per-person must be between 0 and 10')
    .max(10, '--trips-per-person must be between 0 and 10')
    .default(1.5),
  seed: z.coerce
    .number({ message: '--seed must be a number' })
    .int('--seed must be a whole number')
    .min(0, '--seed must be between 0 and 4294967295')
    .max(0xffff_ffff, '--seed must be between 0 and 4294967295')
    .default(1),
  /** The day trip dates spread around (default: today, UTC); fixing it reproduces a registry exactly. */
  today: z.iso.date({ message: '--today must be a date YYYY-MM-DD' }).optional(),
  batchSize: z.coerce.number().int().min(1).max(50_000).default(5_000),
})

export type SyntheticOptions = z.output<typeof schema>
export type SyntheticInput = z.input<typeof schema>

/** Checks the options given on the command line or by a caller; a bad value throws with its reason. */
export function parseSyntheticOptions(input: SyntheticInput): SyntheticOptions {
  if (input.people === undefined || input.people === '')
    throw new SyntheticOptionsError('--people N is required (1 to 10,000,000)')
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new SyntheticOptionsError(parsed.error.issues.map((i) => i.message).join('; '))
  return parsed.data
}
