import { z } from 'zod'

/**
 * The EU DCC payload (schema 1.3.x), as a verifier checks it: the required fields of `nam`, `dob`
 * and exactly one vaccination, test or recovery entry. Unknown fields pass (later minor versions
 * add some). Shared by the server and the browser verifier.
 */
const text = (max: number) => z.string().min(1).max(max)
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/)
// `co` and `tc` may be empty in certificates in circulation (NL test certificates): length only is checked.
const common = { tg: text(20), co: z.string().max(2), is: text(80), ci: text(80) }

export const vaccinationEntry = z.looseObject({
  ...common,
  vp: text(20),
  mp: text(40),
  ma: text(40),
  dn: z.int().min(1).max(9),
  sd: z.int().min(1).max(9),
  dt: date,
})
export const testEntry = z.looseObject({
  ...common,
  tt: text(20),
  sc: date,
  tr: text(20),
  nm: text(80).optional(),
  ma: text(20).optional(),
  tc: z.string().max(50).optional(),
})
export const recoveryEntry = z.looseObject({ ...common, fr: date, df: date, du: date })

const oneOf = <T extends z.ZodType>(entry: T) => z.array(entry).length(1)

export const dccPayload = z
  .looseObject({
    ver: z.string().regex(/^\d+\.\d+\.\d+$/),
    nam: z.looseObject({
      fn: z.string().max(80).optional(),
      fnt: z
        .string()
        .max(80)
        .regex(/^[A-Z<]*$/),
      gn: z.string().max(80).optional(),
      gnt: z
        .string()
        .max(80)
        .regex(/^[A-Z<]*$/)
        .optional(),
    }),
    dob: z.string().regex(/^((19|20)\d\d(-\d\d){0,2}){0,1}$/),
    v: oneOf(vaccinationEntry).optional(),
    t: oneOf(testEntry).optional(),
    r: oneOf(recoveryEntry).optional(),
  })
  .refine((p) => [p.v, p.t, p.r].filter((e) => e !== undefined).length === 1, {
    message: 'exactly one of v, t, r',
  })

export type DccPayload = z.infer<typeof dccPayload>
export type VaccinationEntry = z.infer<typeof vaccinationEntry>
