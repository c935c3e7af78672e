import type { XmlElement } from 'libxml2-wasm'
import { withUntrustedXml, XmlInputError } from '../../../platform/xml/parse.ts'
import { CapParseError, type CapProblem } from './cap.errors.ts'
import { CAP_NAMESPACE, mapCapAlert } from './cap.map.ts'
import { type CapAlert, capAlert } from './cap.model.ts'
import { applyCapRules, type CapAlertDraft } from './cap.rules.ts'
import { capSchemaProblems } from './cap.xsd.ts'

export { CapParseError } from './cap.errors.ts'

const OLDER_CAP: Record<string, string> = {
  'urn:oasis:names:tc:emergency:cap:1.1': 'CAP 1.1',
  'http://www.incident.com/cap/1.0': 'CAP 1.0',
}

function checkRoot(root: XmlElement): void {
  const ns = root.namespaceUri
  if (ns === CAP_NAMESPACE) return
  const older = OLDER_CAP[ns]
  const found = older ? `${older} (${ns})` : ns ? `namespace "${ns}"` : 'no namespace'
  const message = `The root element <${root.name}> is in ${found}; a CAP 1.2 alert is <alert xmlns="${CAP_NAMESPACE}">.`
  throw CapParseError.fromProblems([{ code: 'cap.wrong_namespace', message, line: root.line }])
}

function readAlert(body: Buffer | string): CapAlertDraft {
  try {
    return withUntrustedXml(body, (doc) => {
      const root = doc.root
      checkRoot(root)
      const problems = capSchemaProblems(doc)
      if (problems.length > 0) throw CapParseError.fromProblems(problems)
      return mapCapAlert(root)
    })
  } catch (err) {
    if (!(err instanceof XmlInputError)) throw err
    const line = err.line ? { line: err.line } : {}
    throw new CapParseError(`cap.${err.problem}`, err.message, [
      { code: `cap.${err.problem}`, message: err.message, ...line },
    ])
  }
}

/**
 * Reads a CAP 1.2 alert from XML: safely parsed (no DTD, no entities), validated against the
 * official OASIS schema and the rules it cannot express, then checked against the JSON model.
 * Throws a CapParseError with a stable `cap.*` code and every problem found.
 */
export function parseCapXml(body: Buffer | string): CapAlert {
  const { alert, problems } = applyCapRules(readAlert(body))
  if (problems.length > 0) throw CapParseError.fromProblems(problems)
  const checked = capAlert.safeParse(alert)
  if (!checked.success) {
    const modelProblems: CapProblem[] = checked.error.issues.map((issue) => ({
      code: 'cap.invalid_content',
      path: issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, ''),
      message: issue.message,
    }))
    throw CapParseError.fromProblems(modelProblems)
  }
  return checked.data
}
