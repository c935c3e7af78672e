export { answerSafetyCheck } from './alert.answer.ts'
export { type LatestAnswer, latestAnswers } from './alert.answers-of.ts'
export {
  type AlertInProgress,
  type AlertReceived,
  alertsInProgress,
  alertsReceivedBy,
  countAlertsInProgress,
} from './alert.desk.ts'
export { alertRoutes } from './alert.routes.ts'
export { createAlertBody } from './alert.schema.ts'
export { sendAlert } from './alert.send.ts'
export { createFromJson, getAlert } from './alert.service.ts'
export { alertFeedRoutes } from './alert-feeds.routes.ts'
export { alertMeRoutes } from './alert-me.routes.ts'
export { alertSiteRoutes } from './alert-site.routes.ts'
export { fanOut, fanoutJob, fanoutJobType } from './fanout.job.ts'
export { feedPollJob, pollFeeds } from './feed-poll.job.ts'
