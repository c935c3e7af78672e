export { CONSOLE_PATHS, personRecordPath } from './console.paths.ts'
export { consoleRoutes } from './console.routes.ts'
