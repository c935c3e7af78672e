import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../lib/i18n.ts'
import { LEVEL_TEXT_COLORS, levelColor, levelName } from './levels.ts'

/**
 * A risk level with its name, in the level's colour: the same tag on the public pages and in the
 * console. `null` is a country with no advisory published: grey, and it says so, never a level.
 */
export function LevelTag({ level, testId }: { level: number | null; testId?: string }) {
  const { t } = useTranslation()
  if (level === null)
    return (
      <Tag
        variant="solid"
        color={levelColor(null)}
        data-testid={testId ?? 'level-none'}
        data-level="none"
        style={{ color: '#1f1f1f', marginInlineEnd: 0 }}
      >
        {t('advice.noLevel')}
      </Tag>
    )
  return (
    <Tag
      variant="solid"
      color={levelColor(level)}
      data-testid={testId ?? `level-${level}`}
      data-level={level}
      style={{ color: LEVEL_TEXT_COLORS[level] ?? LEVEL_TEXT_COLORS[0], marginInlineEnd: 0 }}
    >
      {t('advisories.levelTag', { level, name: levelName(level, currentLocale()) })}
    </Tag>
  )
}
