import { useEffect, useState } from 'react'

/** Both languages at once: whoever opens the page, in either, learns the data is made up. */
const TEXT = '演示数据：人员、案件和预警均为虚构 · Demonstration data: people, cases and alerts are made up'

/** A thin ribbon over every page while the server runs in demo mode (it says so at /platform.json). */
export function DemoRibbon() {
  const [demo, setDemo] = useState(false)
  useEffect(() => {
    let live = true
    fetch('/platform.json')
      .then((r) => (r.ok ? r.json() : { demo: false }))
      .then((p: { demo?: boolean }) => live && setDemo(p.demo === true))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  if (!demo) return null
  return (
    <div className="demo-ribbon" role="note" data-testid="demo-ribbon">
      {TEXT}
    </div>
  )
}
