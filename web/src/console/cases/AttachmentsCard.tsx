import { InboxOutlined } from '@ant-design/icons'
import type { Attachment, attachmentList } from '@server/cases/case/attachment.schema.ts'
import { App, Button, Card, Input, List, Modal, Space, Tag, Typography, Upload, type UploadProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { del, get, postForm } from '../../lib/api.ts'
import { errorMessage } from '../../lib/errors.ts'
import { currentLocale } from '../../lib/i18n.ts'
import { useLoad } from '../../lib/useLoad.ts'

type AttachmentList = z.infer<typeof attachmentList>

const KINDS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'text/plain': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
}

export function formatSize(bytes: number): string {
  const [value, unit] =
    bytes >= 1_048_576
      ? [bytes / 1_048_576, 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte']
  // "182 bytes" / "182字节", but "1.5 kB" and "20 MB" rather than "20 megabytes"
  const unitDisplay = unit === 'byte' ? 'long' : 'short'
  return new Intl.NumberFormat(currentLocale(), {
    style: 'unit',
    unit,
    unitDisplay,
    maximumFractionDigits: 1,
  }).format(value)
}

/** The case's files: drop or pick files to upload, download them, remove one with a reason. */
export function AttachmentsCard({ caseId, onChange }: { caseId: string; onChange: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const url = `/api/v1/cases/${caseId}/attachments`
  const { data, error, reload } = useLoad(() => get<AttachmentList>(url), caseId)
  const [uploading, setUploading] = useState(0)
  const [removing, setRemoving] = useState<Attachment>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const changed = () => {
    reload()
    onChange()
  }

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (data && file.size > data.limits.maxBytes) {
      message.error(
        `${file.name}: ${t('cases.attachments.tooLarge', { max: formatSize(data.limits.maxBytes) })}`,
      )
      return Upload.LIST_IGNORE
    }
    return true
  }
  const customRequest: UploadProps['customRequest'] = async ({ file, onSuccess, onError }) => {
    const f = file as File
    const form = new FormData()
    form.append('files', f, f.name)
    setUploading((n) => n + 1)
    try {
      onSuccess?.(await postForm(url, form))
      message.success(t('cases.attachments.uploaded', { name: f.name }))
      changed()
    } catch (e) {
      message.error(`${f.name}: ${errorMessage(e, t)}`)
      onError?.(e as Error)
    } finally {
      setUploading((n) => n - 1)
    }
  }
  const remove = async () => {
    if (!removing) return
    setBusy(true)
    try {
      await del(`${url}/${removing.id}`, { reason: reason.trim() })
      setRemoving(undefined)
      setReason('')
      changed()
    } catch (e) {
      message.error(errorMessage(e, t))
    } finally {
      setBusy(false)
    }
  }
  const when = (iso: string) =>
    new Date(iso).toLocaleString(currentLocale(), { dateStyle: 'short', timeStyle: 'short' })

  return (
    <Card size="small" title={t('cases.attachments.title')} data-testid="attachments-card">
      <Upload.Dragger
        multiple
        accept={data?.limits.accept.join(',')}
        showUploadList={false}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        data-testid="attachment-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {uploading > 0 ? t('cases.attachments.uploading') : t('cases.attachments.drop')}
        </p>
        <p className="ant-upload-hint">
          {t('cases.attachments.hint', { max: data ? formatSize(data.limits.maxBytes) : '…' })}
        </p>
      </Upload.Dragger>
      {error ? (
        <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text>
      ) : (
        <List
          data-testid="attachment-list"
          locale={{ emptyText: t('cases.attachments.empty') }}
          dataSource={data?.items ?? []}
          renderItem={(a) => (
            <List.Item
              data-testid="attachment-item"
              actions={
                a.removed || !a.downloadUrl
                  ? []
                  : [
                      <a
                        key="download"
                        href={a.downloadUrl}
                        download={a.name}
                        data-testid="attachment-download"
                      >
                        {t('cases.attachments.download')}
                      </a>,
                      <Button
                        key="remove"
                        size="small"
                        danger
                        type="link"
                        onClick={() => setRemoving(a)}
                        data-testid="attachment-remove"
                      >
                        {t('cases.attachments.remove')}
                      </Button>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  a.downloadUrl ? (
                    <a href={a.downloadUrl} download={a.name} style={{ wordBreak: 'break-all' }}>
                      {a.name}
                    </a>
                  ) : (
                    <Space wrap size={4}>
                      <Typography.Text delete type="secondary" style={{ wordBreak: 'break-all' }}>
                        {a.name}
                      </Typography.Text>
                      <Tag>{t('cases.attachments.removed')}</Tag>
                    </Space>
                  )
                }
                description={
                  <>
                    <div>
                      {formatSize(a.size)} · {t(`cases.attachments.kind.${KINDS[a.mediaType] ?? 'other'}`)} ·{' '}
                      {a.uploadedBy?.name ?? '—'} · {when(a.uploadedAt)}
                    </div>
                    {a.removed && (
                      <div>
                        {t('cases.attachments.removedBy', {
                          name: a.removed.by?.name ?? '—',
                          when: when(a.removed.at),
                          reason: a.removed.reason,
                        })}
                      </div>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={removing !== undefined}
        title={t('cases.attachments.removeTitle', { name: removing?.name ?? '' })}
        onCancel={() => setRemoving(undefined)}
        okText={t('cases.attachments.remove')}
        okButtonProps={{
          danger: true,
          disabled: !reason.trim(),
          loading: busy,
          'data-testid': 'attachment-remove-ok',
        }}
        cancelText={t('common.cancel')}
        onOk={remove}
      >
        <Typography.Paragraph>{t('cases.attachments.removeText')}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('cases.attachments.reason')}
          data-testid="attachment-remove-reason"
        />
      </Modal>
    </Card>
  )
}
