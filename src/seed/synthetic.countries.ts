/** Destinations of the synthetic registry, with real city coordinates and mobile number plans. */
export interface City {
  readonly name: string
  readonly lat: number
  readonly lon: number
  readonly weight: number
  /** Standard deviation of the jitter around the centre, in degrees of latitude. */
  readonly spread?: number
}

/** A mobile number plan: country calling code and [national prefix, digits that follow] ranges. */
export interface MobilePlan {
  readonly cc: string
  readonly ranges: ReadonlyArray<readonly [string, number]>
}

export interface Country {
  readonly code: string
  /** Share of trips going there (Chinese outbound travel: neighbours and a few long-haul favourites). */
  readonly weight: number
  readonly cities: readonly City[]
  /** Only countries with a plan are used for residences, so that residents get a local number. */
  readonly mobile?: MobilePlan
}

const c = (name: string, lat: number, lon: number, weight = 1, spread?: number): City =>
  spread === undefined ? { name, lat, lon, weight } : { name, lat, lon, weight, spread }
const plan = (cc: string, ranges: ReadonlyArray<readonly [string, number]>): MobilePlan => ({ cc, ranges })
/** Every prefix followed by every one of `next` digits, then `rest` random digits. */
const expand = (prefixes: string[], next: string, rest: number) =>
  prefixes.flatMap((p) => next.split('').map((d) => [`${p}${d}`, rest] as const))
const northAmerica = (areas: string[]) =>
  areas.flatMap((a) => '23456789'.split('').map((d) => [`${a}${d}`, 6] as const))

export const CHINA_MOBILE = plan(
  '86',
  [
    '130',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '158',
    '159',
    '180',
    '186',
    '187',
    '188',
  ].map((p) => [p, 8] as const),
)

export const COUNTRIES: readonly Country[] = [
  {
    code: 'TH',
    weight: 12,
    cities: [
      c('Bangkok', 13.7563, 100.5018, 5),
      c('Chiang Mai', 18.7883, 98.9853, 2),
      c('Phuket', 7.8804, 98.3923, 2),
      c('Pattaya', 12.9236, 100.8825),
    ],
    mobile: plan(
      '66',
      ['81', '82', '83', '84', '85', '86', '87', '89', '91', '92', '95', '96', '97', '98', '99'].map(
        (p) => [p, 7] as const,
      ),
    ),
  },
  {
    code: 'JP',
    weight: 11,
    cities: [
      c('Tokyo', 35.6812, 139.7671, 5),
      c('Osaka', 34.6937, 135.5023, 3),
      c('Kyoto', 35.0116, 135.7681, 2),
      c('Sapporo', 43.0618, 141.3545),
      c('Fukuoka', 33.5904, 130.4017),
      c('Nagoya', 35.1815, 136.9066),
    ],
    mobile: plan('81', expand(['90', '80'], '123456789', 7)),
  },
  {
    code: 'KR',
    weight: 8,
    cities: [
      c('Seoul', 37.5665, 126.978, 5),
      c('Busan', 35.1796, 129.0756, 2),
      c('Jeju', 33.4996, 126.5312, 2),
    ],
    mobile: plan('82', expand(['10'], '2346789', 7)),
  },
  {
    code: 'US',
    weight: 7,
    cities: [
      c('New York', 40.7128, -74.006, 3),
      c('Los Angeles', 34.0522, -118.2437, 3),
      c('San Francisco', 37.7749, -122.4194, 2),
      c('Seattle', 47.6062, -122.3321),
      c('Boston', 42.3601, -71.0589),
      c('Chicago', 41.8781, -87.6298),
      c('Las Vegas', 36.1699, -115.1398),
    ],
    mobile: plan('1', northAmerica(['212', '646', '213', '310', '415', '206', '617', '312', '702'])),
  },
  {
    code: 'SG',
    weight: 6,
    cities: [c('Singapore', 1.3521, 103.8198, 1, 0.03)],
    mobile: plan(
      '65',
      ['81', '82', '83', '84', '85', '86', '87', '88', '91', '92', '93', '94', '96', '97', '98'].map(
        (p) => [p, 6] as const,
      ),
    ),
  },
  {
    code: 'MY',
    weight: 6,
    cities: [
      c('Kuala Lumpur', 3.139, 101.6869, 4),
      c('George Town', 5.4141, 100.3288),
      c('Kota Kinabalu', 5.9804, 116.0735),
      c('Johor Bahru', 1.4927, 103.7414),
    ],
    mobile: plan('60', expand(['12', '16', '17', '19'], '2345678', 6)),
  },
  {
    code: 'VN',
    weight: 5,
    cities: [
      c('Ho Chi Minh City', 10.8231, 106.6297, 3),
      c('Hanoi', 21.0278, 105.8342, 2),
      c('Da Nang', 16.0544, 108.2022, 2),
    ],
    mobile: plan(
      '84',
      ['90', '91', '93', '94', '96', '97', '98', '32', '33', '34', '35', '36', '37', '38', '39'].map(
        (p) => [p, 7] as const,
      ),
    ),
  },
  {
    code: 'FR',
    weight: 4,
    cities: [c('Paris', 48.8566, 2.3522, 4), c('Nice', 43.7102, 7.262), c('Lyon', 45.764, 4.8357)],
    mobile: plan('33', expand(['6'], '0124578', 7)),
  },
  {
    code: 'GB',
    weight: 4,
    cities: [
      c('London', 51.5074, -0.1278, 4),
      c('Manchester', 53.4808, -2.2426),
      c('Edinburgh', 55.9533, -3.1883),
    ],
    mobile: plan('44', [...expand(['74'], '01234', 7), ...expand(['77'], '1234567', 7)]),
  },
  {
    code: 'AU',
    weight: 4,
    cities: [
      c('Sydney', -33.8688, 151.2093, 3),
      c('Melbourne', -37.8136, 144.9631, 3),
      c('Brisbane', -27.4698, 153.0251),
      c('Perth', -31.9505, 115.8605),
    ],
    mobile: plan('61', expand(['4'], '0123', 7)),
  },
  {
    code: 'IT',
    weight: 3,
    cities: [
      c('Rome', 41.9028, 12.4964, 3),
      c('Milan', 45.4642, 9.19, 2),
      c('Venice', 45.4408, 12.3155),
      c('Florence', 43.7696, 11.2558),
    ],
    mobile: plan(
      '39',
      [
        '320',
        '328',
        '329',
        '330',
        '333',
        '335',
        '338',
        '339',
        '340',
        '347',
        '348',
        '349',
        '366',
        '380',
        '388',
        '389',
        '391',
        '392',
        '393',
      ].map((p) => [p, 7] as const),
    ),
  },
  {
    code: 'DE',
    weight: 3,
    cities: [
      c('Berlin', 52.52, 13.405, 2),
      c('Munich', 48.1351, 11.582, 2),
      c('Frankfurt', 50.1109, 8.6821, 2),
      c('Hamburg', 53.5511, 9.9937),
    ],
    mobile: plan('49', [
      ['170', 7],
      ['171', 7],
      ['175', 7],
      ['1511', 7],
      ['1512', 7],
      ['1515', 7],
    ]),
  },
  {
    code: 'ID',
    weight: 3,
    cities: [c('Jakarta', -6.2088, 106.8456, 2), c('Denpasar', -8.6705, 115.2126, 3)],
    mobile: plan('62', [
      ['811', 8],
      ['812', 8],
      ['813', 8],
      ['821', 8],
      ['822', 8],
      ['852', 8],
    ]),
  },
  {
    code: 'CA',
    weight: 3,
    cities: [
      c('Vancouver', 49.2827, -123.1207, 2),
      c('Toronto', 43.6532, -79.3832, 2),
      c('Montreal', 45.5017, -73.5673),
    ],
    mobile: plan('1', northAmerica(['604', '778', '416', '647', '514'])),
  },
  {
    code: 'NZ',
    weight: 2,
    cities: [
      c('Auckland', -36.8485, 174.7633, 3),
      c('Queenstown', -45.0312, 168.6626),
      c('Christchurch', -43.5321, 172.6362),
    ],
    mobile: plan('64', [
      ['21', 7],
      ['22', 7],
      ['27', 7],
    ]),
  },
  {
    code: 'AE',
    weight: 2,
    cities: [c('Dubai', 25.2048, 55.2708, 3), c('Abu Dhabi', 24.4539, 54.3773)],
    mobile: plan('971', [
      ['50', 7],
      ['52', 7],
      ['55', 7],
      ['56', 7],
      ['58', 7],
    ]),
  },
  {
    code: 'ES',
    weight: 2,
    cities: [c('Madrid', 40.4168, -3.7038), c('Barcelona', 41.3874, 2.1686)],
    mobile: plan('34', [['6', 8]]),
  },
  {
    code: 'RU',
    weight: 2,
    cities: [c('Moscow', 55.7558, 37.6173, 2), c('Saint Petersburg', 59.9311, 30.3609)],
    mobile: plan('7', [
      ['91', 8],
      ['92', 8],
      ['95', 8],
      ['96', 8],
      ['98', 8],
    ]),
  },
  {
    code: 'NL',
    weight: 1,
    cities: [c('Amsterdam', 52.3676, 4.9041)],
    mobile: plan('31', expand(['6'], '12345', 7)),
  },
  {
    code: 'CH',
    weight: 1,
    cities: [c('Zurich', 47.3769, 8.5417), c('Geneva', 46.2044, 6.1432)],
    mobile: plan('41', [
      ['76', 7],
      ['77', 7],
      ['78', 7],
      ['79', 7],
    ]),
  },
  { code: 'KH', weight: 2, cities: [c('Phnom Penh', 11.5564, 104.9282), c('Siem Reap', 13.3671, 103.8448)] },
  { code: 'PH', weight: 2, cities: [c('Manila', 14.5995, 120.9842, 2), c('Cebu', 10.3157, 123.8854)] },
  {
    code: 'LA',
    weight: 1,
    cities: [c('Vientiane', 17.9757, 102.6331), c('Luang Prabang', 19.8856, 102.1347)],
  },
  { code: 'EG', weight: 1, cities: [c('Cairo', 30.0444, 31.2357)] },
  { code: 'TR', weight: 1, cities: [c('Istanbul', 41.0082, 28.9784)] },
  { code: 'GR', weight: 1, cities: [c('Athens', 37.9838, 23.7275)] },
  {
    code: 'ZA',
    weight: 1,
    cities: [c('Johannesburg', -26.2041, 28.0473), c('Cape Town', -33.9249, 18.4241)],
  },
  { code: 'BR', weight: 1, cities: [c('Sao Paulo', -23.5505, -46.6333)] },
  { code: 'KE', weight: 1, cities: [c('Nairobi', -1.2921, 36.8219)] },
  { code: 'MX', weight: 1, cities: [c('Mexico City', 19.4326, -99.1332), c('Cancun', 21.1619, -86.8515)] },
  { code: 'LK', weight: 1, cities: [c('Colombo', 6.9271, 79.8612)] },
  { code: 'SA', weight: 1, cities: [c('Riyadh', 24.7136, 46.6753)] },
  { code: 'PK', weight: 1, cities: [c('Islamabad', 33.6844, 73.0479)] },
  { code: 'NG', weight: 1, cities: [c('Lagos', 6.5244, 3.3792)] },
  { code: 'KZ', weight: 0.5, cities: [c('Almaty', 43.222, 76.8512)] },
  { code: 'NP', weight: 0.5, cities: [c('Kathmandu', 27.7172, 85.324)] },
  { code: 'HU', weight: 0.5, cities: [c('Budapest', 47.4979, 19.0402)] },
  { code: 'CZ', weight: 0.5, cities: [c('Prague', 50.0755, 14.4378)] },
  { code: 'PT', weight: 0.5, cities: [c('Lisbon', 38.7223, -9.1393)] },
  { code: 'AR', weight: 0.5, cities: [c('Buenos Aires', -34.6037, -58.3816)] },
]
