import type { profileResponse } from '@server/registrations/registrations.schema.ts'
import { Card, Skeleton, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { get } from '../lib/api.ts'
import { useLoad } from '../lib/useLoad.ts'
import { LoadError } from '../pages/LoadError.tsx'
import { DependantsCard } from './DependantsCard.tsx'
import { ProfileForm } from './ProfileForm.tsx'
import { ResidenceForm } from './ResidenceForm.tsx'

type Profile = z.infer<typeof profileResponse>

export function ProfilePage() {
  const { t } = useTranslation()
  const { data, error, loading, reload } = useLoad(() => get<Profile>('/api/v1/me/profile'))
  return (
    <div className="page narrow-page">
      <Typography.Title level={1} style={{ marginTop: 0 }}>
        {t('profile.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('profile.why')}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} retry={reload} />
      ) : loading || !data ? (
        <Skeleton active />
      ) : (
        <>
          <ProfileForm key={data.id} profile={data} onSaved={reload} />
          <Card title={t('profile.residence')} size="small" style={{ marginTop: 24 }}>
            <Typography.Paragraph type="secondary">{t('profile.residenceHint')}</Typography.Paragraph>
            <ResidenceForm residence={data.residence} onSaved={reload} />
          </Card>
          <DependantsCard />
        </>
      )}
    </div>
  )
}
