import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { currentLocale } from '../lib/i18n.ts'
import { LEVEL_TEXT_COLORS, levelColor, levelName } from './levels.ts'

/** A risk level with its name, in the level's colour: the same tag on the public pages and in the console. */
export function LevelTag({ level, testId }: { level: number; testId?: string }) {
  const { t } = useTranslation()
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
