/** A phone number that dials when tapped (on a desk phone app or a mobile). */
export function Phone({ number, testId }: { number: string | null | undefined; testId?: string }) {
  if (!number) return <>—</>
  return (
    <a href={`tel:${number.replace(/[^+\d]/g, '')}`} data-testid={testId}>
      {number}
    </a>
  )
}
