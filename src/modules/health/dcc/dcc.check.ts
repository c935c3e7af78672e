/**
 * The EU DCC payload check a verifier runs (schema 1.3.x: the required members of `nam`, `dob` and
 * exactly one vaccination, test or recovery entry; unknown members pass, as later minor versions
 * add some). Written without imports so the browser verifier runs the same check as the server.
 */
type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown, max: number, min = 1) => typeof v === 'string' && v.length >= min && v.length <= max
const date = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)
const int = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 9
const mrz = (v: unknown) => typeof v === 'string' && v.length <= 80 && /^[A-Z<]*$/.test(v)

function common(e: Obj): boolean {
  return text(e.tg, 20) && text(e.co, 2, 0) && text(e.is, 80) && text(e.ci, 80)
}

const ENTRY: Record<'v' | 't' | 'r', (e: Obj) => boolean> = {
  v: (e) =>
    common(e) && text(e.vp, 20) && text(e.mp, 40) && text(e.ma, 40) && int(e.dn) && int(e.sd) && date(e.dt),
  t: (e) =>
    common(e) &&
    text(e.tt, 20) &&
    date(e.sc) &&
    text(e.tr, 20) &&
    (e.nm === undefined || text(e.nm, 80)) &&
    (e.ma === undefined || text(e.ma, 20)) &&
    (e.tc === undefined || text(e.tc, 50, 0)),
  r: (e) => common(e) && date(e.fr) && date(e.df) && date(e.du),
}

export function isDccPayload(p: unknown): boolean {
  if (!isObj(p) || typeof p.ver !== 'string' || !/^\d+\.\d+\.\d+$/.test(p.ver)) return false
  const nam = p.nam
  if (!isObj(nam) || !mrz(nam.fnt)) return false
  if (nam.gnt !== undefined && !mrz(nam.gnt)) return false
  for (const k of ['fn', 'gn'] as const) if (nam[k] !== undefined && !text(nam[k], 80, 0)) return false
  if (typeof p.dob !== 'string' || !/^((19|20)\d\d(-\d\d){0,2}){0,1}$/.test(p.dob)) return false
  const present = (['v', 't', 'r'] as const).filter((k) => p[k] !== undefined)
  if (present.length !== 1) return false
  const kind = present[0] as 'v' | 't' | 'r'
  const entries = p[kind]
  return Array.isArray(entries) && entries.length === 1 && isObj(entries[0]) && ENTRY[kind](entries[0])
}
