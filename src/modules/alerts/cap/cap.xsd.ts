import fs from 'node:fs'
import { XmlDocument, XmlValidateError, XsdValidator } from 'libxml2-wasm'
import { parseUntrustedXml } from '../../../platform/xml/parse.ts'
import type { CapProblem } from './cap.errors.ts'
import { CAP_NAMESPACE } from './cap.map.ts'

const XSD_URL = new URL('./schema/CAP-v1.2.xsd', import.meta.url)

/** Compiled once and kept for the life of the process (with the document it was compiled from). */
let validator: XsdValidator | undefined

function capValidator(): XsdValidator {
  if (!validator) {
    const schemaDoc = XmlDocument.fromBuffer(fs.readFileSync(XSD_URL))
    validator = XsdValidator.fromDoc(schemaDoc)
  }
  return validator
}

/** libxml2 names elements as `{namespace}name`; the CAP namespace is implied, so leave it out. */
const readable = (message: string) => message.replaceAll(`{${CAP_NAMESPACE}}`, '').trim()

const DATE_ELEMENT = /^Element '(sent|effective|onset|expires)':/
const DATE_HINT =
  'A CAP time looks like 2024-05-01T08:00:00+08:00: a real date, seconds, a numeric offset, no "Z" and no fractions.'

/** What the official CAP 1.2 schema finds wrong with the document; empty when it is valid. */
export function capSchemaProblems(doc: XmlDocument): CapProblem[] {
  try {
    capValidator().validate(doc)
    return []
  } catch (err) {
    if (!(err instanceof XmlValidateError)) throw err
    const details = err.details.length > 0 ? err.details : [{ message: err.message, line: 0 }]
    return details.map((d) => {
      const message = readable(d.message)
      const line = d.line > 0 ? { line: d.line } : {}
      if (!DATE_ELEMENT.test(message)) return { code: 'cap.schema_invalid' as const, message, ...line }
      return { code: 'cap.bad_date' as const, message: `${message} ${DATE_HINT}`, ...line }
    })
  }
}

/** The same check on XML text, for what we write ourselves. */
export function capXmlSchemaProblems(xml: string): CapProblem[] {
  const doc = parseUntrustedXml(xml)
  try {
    return capSchemaProblems(doc)
  } finally {
    doc.dispose()
  }
}
