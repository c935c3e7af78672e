import { AlertAsk } from '../citizen/alerts/AlertAsk.tsx'
import { CitizenTabs } from '../citizen/CitizenTabs.tsx'
import { CrisisAsk } from '../citizen/CrisisAsk.tsx'

/** What a signed-in citizen sees above every page: their tabs and any question waiting for them. */
export function CitizenBars() {
  return (
    <>
      <CitizenTabs />
      <CrisisAsk />
      <AlertAsk />
    </>
  )
}
