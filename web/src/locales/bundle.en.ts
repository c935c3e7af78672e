// Every area's strings in this language, in one chunk: loaded when the language is first used.
export const files = import.meta.glob<{ default: Record<string, unknown> }>('./**/en.json', { eager: true })
export { default as antdLocale } from 'antd/es/locale/en_US'
