import type { z as Zod } from 'zod'

/**
 * The EU DCC payload, mirroring the JSON schema 1.3.0 (ehn-dcc-development/eu-dcc-schema,
 * DCC.combined-schema.json) member by member: `ver`, `nam`, `dob` and exactly one of `v`, `t`,
 * `r` (one entry each), the required members of each entry, the patterns and maximum lengths.
 * Unknown members pass (the schema does not forbid them; later minor versions add some): the
 * objects strip them, which for a yes/no check is the same and costs less than keeping them.
 * A function of Zod rather than a module that imports it: the web app takes values only from server
 * files that import nothing, so the server (dcc.node.ts) and the browser verifier each build it
 * once with their own Zod (its objects compile to a function on first use) and run this same check. Where certificates in circulation were issued under 1.0.x and the EU
 * validation tooling accepts them, so does this (each marked "1.0.x").
 */
export function dccPayloadSchema(z: typeof Zod) {
  const ISSUER = z.string().max(80)
  const CERTIFICATE_ID = z.string().max(80)
  /**
   * `country_vt`: pattern `[A-Z]{1,10}`, unanchored as in the schema (so: holds a capital letter);
   * 1.0.x: may be empty (NL).
   */
  const COUNTRY = z.string().regex(/^$|[A-Z]/)
  /** `format: date`: an RFC 3339 full-date. */
  const FULL_DATE = z.iso.date()
  /** `format: date-time`: an RFC 3339 date-time with its offset. */
  const DATE_TIME = z.iso.datetime({ offset: true })
  /** `dose_posint`: an integer, at least 1. */
  const DOSE = z.int().min(1)
  const MRZ_NAME = z
    .string()
    .max(80)
    .regex(/^[A-Z<]*$/)
  const one = <T extends Zod.ZodType>(entry: T) => z.array(entry).length(1)

  const vaccinationEntry = z.object({
    tg: z.string(),
    vp: z.string(),
    mp: z.string(),
    ma: z.string(),
    dn: DOSE,
    sd: DOSE,
    dt: FULL_DATE,
    co: COUNTRY,
    is: ISSUER,
    ci: CERTIFICATE_ID,
  })
  const testEntry = z.object({
    tg: z.string(),
    tt: z.string(),
    nm: z.string().max(80).optional(),
    ma: z.string().optional(),
    sc: DATE_TIME,
    tr: z.string(),
    /** Required since 1.3.0; 1.0.x NAAT certificates may leave it out. */
    tc: z.string().max(80).optional(),
    co: COUNTRY,
    is: ISSUER,
    ci: CERTIFICATE_ID,
  })
  const recoveryEntry = z.object({
    tg: z.string(),
    fr: FULL_DATE,
    co: COUNTRY,
    is: ISSUER,
    df: FULL_DATE,
    du: FULL_DATE,
    ci: CERTIFICATE_ID,
  })

  const dccPayload = z
    .looseObject({
      ver: z.string().regex(/^\d+.\d+.\d+$/),
      nam: z.object({
        fn: z.string().max(80).optional(),
        fnt: MRZ_NAME,
        gn: z.string().max(80).optional(),
        gnt: MRZ_NAME.optional(),
      }),
      dob: z.string().regex(/^((19|20)\d\d(-\d\d){0,2}){0,1}$/),
      v: one(vaccinationEntry).optional(),
      t: one(testEntry).optional(),
      r: one(recoveryEntry).optional(),
    })
    // The schema's oneOf over required v, t or r: exactly one of them.
    .refine((p) => (p.v ? 1 : 0) + (p.t ? 1 : 0) + (p.r ? 1 : 0) === 1)
  return dccPayload
}

export type DccPayload = Zod.infer<ReturnType<typeof dccPayloadSchema>>
