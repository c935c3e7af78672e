import { Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { LevelTag } from '../../advisories/LevelTag.tsx'
import { LEVELS, levelName } from '../../advisories/levels.ts'
import { currentLocale } from '../../lib/i18n.ts'

/** The peers' equivalents of one of our levels: US State Department and Smartraveller, each 1–4. */
export function PeerLevels({ level }: { level: number }) {
  const { t } = useTranslation()
  return (
    <div style={{ fontSize: 12, lineHeight: 1.6 }}>
      {(['us', 'smartraveller'] as const).map((peer) => {
        const equivalent = LEVELS[level]?.[peer]
        return equivalent ? (
          <Typography.Text key={peer} type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t(`advisoriesConsole.peers.${peer}`, {
              level: equivalent.level,
              label: t(`advisoriesConsole.levels.${level}.${peer}`, { official: equivalent.label }),
            })}
          </Typography.Text>
        ) : null
      })}
    </div>
  )
}

export function LevelSelect(props: { value?: number; onChange?: (v: number) => void; disabled?: boolean }) {
  const { t } = useTranslation()
  return (
    <Select
      {...props}
      data-testid="advisory-level"
      style={{ width: '100%', maxWidth: 420 }}
      options={LEVELS.map(({ level }) => ({
        value: level,
        label: t('advisories.levelTag', { level, name: levelName(level, currentLocale()) }),
      }))}
      optionRender={(option) => {
        const level = Number(option.value)
        return (
          <div data-testid={`level-option-${level}`} style={{ whiteSpace: 'normal', padding: '2px 0' }}>
            <LevelTag level={level} />
            <div>
              <PeerLevels level={level} />
            </div>
          </div>
        )
      }}
    />
  )
}

/** What the chosen level means, with its peers' levels, shown under the select. */
export function LevelMeaning({ level }: { level: number | undefined }) {
  const { t } = useTranslation()
  if (level === undefined || !LEVELS[level]) return null
  return (
    <div data-testid="level-meaning" data-level={level} style={{ marginTop: 8 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t(`advisoriesConsole.levels.${level}.meaning`)}
      </Typography.Paragraph>
      <PeerLevels level={level} />
    </div>
  )
}
