import type { Site } from '../../enterprise/types.ts'
import { get } from '../../lib/api.ts'
import { localized } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'

/** The enterprise site a case was opened from: name, enterprise, security officer to call. */
export function CaseSite({ siteId }: { siteId: string }) {
  const { data } = useLoad(() => get<Site>(`/api/v1/sites/${siteId}`), siteId)
  if (!data) return <span>—</span>
  return (
    <span data-testid="case-site">
      {data.name} · {localized({ 'zh-CN': data.enterprise.nameZh, en: data.enterprise.name })}
      <br />
      <small>
        {data.securityOfficer.name} {data.securityOfficer.phone}
      </small>
    </span>
  )
}
