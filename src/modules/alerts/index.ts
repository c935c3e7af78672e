export {
  type AlertInProgress,
  type AlertReceived,
  alertsInProgress,
  alertsReceivedBy,
  countAlertsInProgress,
} from './alert.desk.ts'
export { alertRoutes } from './alert.routes.ts'
export { alertFeedRoutes } from './alert-feeds.routes.ts'
export { alertMeRoutes } from './alert-me.routes.ts'
export { alertSiteRoutes } from './alert-site.routes.ts'
export { fanoutJob, fanoutJobType } from './fanout.job.ts'
export { feedPollJob, pollFeeds } from './feed-poll.job.ts'
