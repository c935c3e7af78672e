import { RAT_DEVICE_VALUES } from './data/rat-devices.ts'

/**
 * EU DCC value sets (disease-agent-targeted, vaccine-prophylaxis, vaccine-medicinal-product,
 * vaccine-mah-manf) for the doses a clinician records. No package imports (data files only): the
 * web app bundles this file.
 */
/** The issuing country of our certificates (CWT `iss`, UVCI, revocation hashes). */
export const ISSUING_COUNTRY = 'CN'

export const DISEASE_COVID19 = '840539006'

export const PRODUCTS = {
  'EU/1/20/1528': { name: 'Comirnaty', vp: '1119349007', ma: 'ORG-100030215' },
  'EU/1/20/1507': { name: 'Spikevax', vp: '1119349007', ma: 'ORG-100031184' },
  'EU/1/21/1529': { name: 'Vaxzevria', vp: 'J07BX03', ma: 'ORG-100001699' },
  'EU/1/20/1525': { name: 'Jcovden', vp: 'J07BX03', ma: 'ORG-100001417' },
  'EU/1/21/1618': { name: 'Nuvaxovid', vp: '1119305005', ma: 'ORG-100032020' },
  'BBIBP-CorV': { name: 'Covilo (Sinopharm BIBP)', vp: 'J07BX03', ma: 'ORG-100020693' },
  CoronaVac: { name: 'CoronaVac (Sinovac)', vp: 'J07BX03', ma: 'Sinovac-Biotech' },
  Convidecia: { name: 'Convidecia (CanSino)', vp: 'J07BX03', ma: 'ORG-100013793' },
} as const satisfies Record<string, { name: string; vp: string; ma: string }>

export type Product = keyof typeof PRODUCTS
export const PRODUCT_CODES = Object.keys(PRODUCTS) as [Product, ...Product[]]

export const MANUFACTURERS = {
  'ORG-100030215': 'Biontech Manufacturing GmbH',
  'ORG-100031184': 'Moderna Biotech Spain S.L.',
  'ORG-100001699': 'AstraZeneca AB',
  'ORG-100001417': 'Janssen-Cilag International',
  'ORG-100032020': 'Novavax CZ a.s.',
  'ORG-100020693': 'China Sinopharm International Corp. - Beijing location',
  'Sinovac-Biotech': 'Sinovac Biotech',
  'ORG-100013793': 'CanSino Biologics',
} as const
export type Manufacturer = keyof typeof MANUFACTURERS
export const MANUFACTURER_CODES = Object.keys(MANUFACTURERS) as [Manufacturer, ...Manufacturer[]]

export const CERTIFICATE_TYPES = ['v', 't', 'r'] as const

/** EU DCC value set covid-19-lab-test-type: NAAT (PCR) and rapid antigen test. */
export const TEST_TYPES = { 'LP6464-4': 'NAAT (PCR)', 'LP217198-3': 'Rapid antigen test' } as const
export type TestType = keyof typeof TEST_TYPES
export const TEST_TYPE_CODES = Object.keys(TEST_TYPES) as [TestType, ...TestType[]]
export const TEST_TYPE_RAT = 'LP217198-3'

/** EU DCC value set covid-19-lab-test-manufacturer-and-name (rapid antigen tests, `ma`): data/rat-devices.ts. */
export const RAT_DEVICES = RAT_DEVICE_VALUES
export type RatDevice = keyof typeof RAT_DEVICES
export const RAT_DEVICE_CODES = Object.keys(RAT_DEVICES) as [RatDevice, ...RatDevice[]]

/** EU DCC value set covid-19-lab-result. A detected result never yields a test certificate. */
export const TEST_RESULTS = { '260415000': 'Not detected', '260373001': 'Detected' } as const
export type TestResult = keyof typeof TEST_RESULTS
export const TEST_RESULT_CODES = Object.keys(TEST_RESULTS) as [TestResult, ...TestResult[]]
export const TEST_NOT_DETECTED = '260415000'

/** A recovery certificate is valid from 11 days after the first positive test, at most 180 days after it. */
export const RECOVERY_VALID_FROM_DAYS = 11
export const RECOVERY_VALID_UNTIL_DAYS = 180

/**
 * How long a test certificate is valid from its sample, as its CWT `exp` says: the EU's rule of
 * thumb for travel (Council Recommendation (EU) 2022/107: 72 hours for a NAAT, 24 hours for a
 * rapid antigen test) written into the certificate by the issuer, so an offline verifier's expiry
 * check refuses a stale test without business rules. Never past the signer certificate.
 */
export const TEST_VALIDITY_HOURS: Record<TestType, number> = { 'LP6464-4': 72, 'LP217198-3': 24 }
