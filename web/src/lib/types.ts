export type Role = 'citizen' | 'enterprise' | 'operator' | 'officer' | 'duty_officer' | 'admin'
export const STAFF_ROLES: Role[] = ['operator', 'officer', 'duty_officer', 'admin']
export interface Localized {
  'zh-CN': string
  en: string
}
export interface Me {
  id: string
  email: string | null
  phone: string | null
  name: string
  locale: 'zh-CN' | 'en'
  roles: Role[]
  missions: Array<{ code: string; name: Localized }>
  mfa: { required: boolean; enrolled: boolean; pending: boolean }
}
export interface LoginResult {
  user: Me
  mfa: 'verify' | 'enrol' | null
}
export interface Country {
  code: string
  numeric: string
  name: Localized
  callingCode: string | null
  regionOfChina: boolean
}
export interface Mission {
  code: string
  kind: 'embassy' | 'consulate_general' | 'consulate'
  country: string
  name: Localized
  city: Localized
  address: string | null
  phone: string | null
  email: string | null
  location: { lat: number; lon: number } | null
  district: { countries: string[]; hasArea: boolean }
}
export interface UserSummary {
  id: string
  email: string | null
  phone: string | null
  name: string
  roles: Role[]
  missions: Array<{ code: string; name: Localized }>
  createdAt: string
  mfaEnrolled: boolean
  disabled: boolean
}
export const isStaff = (me: Me | null | undefined) => !!me?.roles.some((r) => STAFF_ROLES.includes(r))
