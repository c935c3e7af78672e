import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

export const LEVEL_COLORS = ['green', 'gold', 'orange', 'red'] as const

export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation()
  const name = t(`advisoriesConsole.levels.${level}.name`)
  return (
    <Tag
      color={LEVEL_COLORS[level] ?? 'default'}
      data-testid={`level-${level}`}
      style={{ marginInlineEnd: 0 }}
    >
      {t('advisoriesConsole.levelTag', { level, name })}
    </Tag>
  )
}
