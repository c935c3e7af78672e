import { useCallback, useEffect, useRef, useState } from 'react'

/** Loads data for a page and keeps loading, error and reload together; reloads when `key` changes. */
export function useLoad<T>(load: () => Promise<T>, key = '') {
  const loadRef = useRef(load)
  loadRef.current = load
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(true)
  const [nonce, setNonce] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: key and nonce are the triggers, load is read through a ref
  useEffect(() => {
    let live = true
    setLoading(true)
    setError(undefined)
    loadRef
      .current()
      .then((d) => live && setData(d))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [key, nonce])
  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { data, error, loading, reload }
}
