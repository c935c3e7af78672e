import { useTranslation } from 'react-i18next'
import { levelColor } from './levels.ts'

export function LevelTag({ level, testId }: { level: number; testId?: string }) {
  const { t } = useTranslation()
  return (
    <span
      className="level-tag"
      data-testid={testId}
      data-level={level}
      style={{ background: levelColor(level), color: level === 1 ? '#222' : '#fff' }}
    >
      {level} · {t(`advisories.level.${level}`)}
    </span>
  )
}
