import { XmlElement } from 'libxml2-wasm'

/** The element children of `parent`, optionally only those in namespace `ns` and named `name`. */
export function childElements(parent: XmlElement, ns?: string, name?: string): XmlElement[] {
  const found: XmlElement[] = []
  for (let node = parent.firstChild; node; node = node.next) {
    if (!(node instanceof XmlElement)) continue
    if (ns !== undefined && node.namespaceUri !== ns) continue
    if (name !== undefined && node.name !== name) continue
    found.push(node)
  }
  return found
}

/** The text (CDATA included, comments left out) of the first such child, or undefined if there is none. */
export function childText(parent: XmlElement, ns: string, name: string): string | undefined {
  return childElements(parent, ns, name)[0]?.content
}
