import { Fragment, type ReactNode } from 'react'
import { type Block, type Inline, parseMarkdown } from './markdown.ts'

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    const key = `${n.kind}-${i}`
    if (n.kind === 'text') return <Fragment key={key}>{n.text}</Fragment>
    if (n.kind !== 'link')
      return n.kind === 'strong' ? (
        <strong key={key}>{inline(n.children)}</strong>
      ) : (
        <em key={key}>{inline(n.children)}</em>
      )
    return (
      <a key={key} href={n.href} target="_blank" rel="noopener noreferrer">
        {inline(n.children)}
      </a>
    )
  })
}

function block(b: Block, i: number): ReactNode {
  const key = `${b.kind}-${i}`
  if (b.kind === 'h') {
    const Tag = b.level === 1 ? 'h4' : b.level === 2 ? 'h5' : 'h6'
    return <Tag key={key}>{inline(b.children)}</Tag>
  }
  if (b.kind === 'p')
    return (
      <p key={key}>
        {b.lines.map((line, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one paragraph have no identity but their place
          <Fragment key={j}>
            {j > 0 && <br />}
            {inline(line)}
          </Fragment>
        ))}
      </p>
    )
  const List = b.kind
  return (
    <List key={key}>
      {b.items.map((item, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items of static text have no identity but their place
        <li key={j}>{inline(item)}</li>
      ))}
    </List>
  )
}

/** Travel advice as the citizen reads it (the console's preview renders the same component). */
export function Markdown({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="advice-markdown" data-testid={testId}>
      {parseMarkdown(text).map(block)}
    </div>
  )
}
