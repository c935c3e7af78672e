import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import { type Staff, TOKYO, withCasesRuntime } from './cases.ts'
import { multipart, type UploadFile } from './files.ts'
import type { caller } from './http.ts'
import type { TestRuntime, TestRuntimeOptions } from './test-runtime.ts'

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** The cases runtime of a test file (see withCasesRuntime) with what attachment tests do over and over. */
export function withAttachmentsRuntime(options: TestRuntimeOptions = {}) {
  const cases = withCasesRuntime(options)
  return { ...cases, ...attachmentTools(cases.runtime, cases.staff, cases.call) }
}

function attachmentTools(runtime: () => TestRuntime, staff: Staff, call: ReturnType<typeof caller>) {
  return {
    async newCase(body: object = {}, cookie = staff.operator.cookie) {
      const res = await call('POST', '/api/v1/cases', cookie, {
        type: 'medical',
        summary: 'In hospital',
        ...TOKYO,
        ...body,
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string }
    },
    upload(caseId: string, files: UploadFile[], cookie = staff.tokyo.cookie) {
      const { payload, contentType } = multipart(files)
      return runtime().app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/attachments`,
        headers: { cookie, 'content-type': contentType },
        payload,
      })
    },
    /** Every file under the attachments directory, staging included, as paths relative to it. */
    filesOnDisk(): string[] {
      const root = runtime().ctx.config.attachments.dir
      if (!fs.existsSync(root)) return []
      return fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
        .sort()
    },
    storedPath: (hash: string) => path.join(hash.slice(0, 2), hash),
    rowsOf: (caseId: string) =>
      runtime().ctx.db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).execute(),
    async kinds(caseId: string): Promise<string[]> {
      const res = await call('GET', `/api/v1/cases/${caseId}`, staff.duty.cookie)
      return res.json().timeline.map((e: { kind: string }) => e.kind)
    },
  }
}

export type AttachmentsRuntime = ReturnType<typeof withAttachmentsRuntime>
