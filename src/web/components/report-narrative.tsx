import { Alert, Button, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ReportDetail, ReportNarrative } from '../../contract/reports.js';
import { narrativeIssues } from '../../domain/reports.js';
import { api, formatDate, formatDateTime } from '../api.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { reportKey } from './report-queries.js';
import { errorMessage } from './states.js';

const SECTIONS: { key: keyof ReportNarrative; label: string; description: string }[] = [
  { key: 'results', label: 'Đánh giá kết quả', description: 'Kết quả thực hiện, những việc đã làm được.' },
  { key: 'strengths', label: 'Ưu điểm', description: 'Những điểm làm tốt.' },
  { key: 'limits', label: 'Hạn chế', description: 'Những hạn chế, khuyết điểm và nguyên nhân.' },
  { key: 'proposals', label: 'Đề xuất, kiến nghị', description: 'Đề xuất với cấp trên.' },
];

/**
 * The committee's four sections. Saving sends the version it was opened at (R3: a change made
 * meanwhile by someone else is refused, not overwritten); submitting asks first, because a
 * submitted report is frozen.
 */
export function ReportNarrativeEditor({ report }: { report: ReportDetail }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<ReportNarrative>(report.narrative);
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const editable = report.permissions.edit;
  const dirty = SECTIONS.some(({ key }) => draft[key] !== report.narrative[key]);
  const key = reportKey(report.plan.id, report.organization.id);

  const save = async (): Promise<ReportDetail | null> => {
    setBusy(true);
    try {
      const saved = await api.put<ReportDetail>(`/reports/${report.id}`, {
        version: report.version,
        narrative: draft,
      });
      queryClient.setQueryData(key, saved);
      setDraft(saved.narrative);
      return saved;
    } catch (error) {
      notifications.show({ color: 'red', title: 'Không lưu được báo cáo', message: errorMessage(error) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const empty = narrativeIssues(draft);
    if (empty.length > 0) {
      modals.open({
        title: 'Chưa nộp được báo cáo',
        children: (
          <Alert color="red" role="alert">
            <Text size="sm" fw={600}>
              Cần viết đủ các mục trước khi nộp:
            </Text>
            <List size="sm">
              {empty.map((issue) => (
                <List.Item key={issue.field}>{issue.message}</List.Item>
              ))}
            </List>
          </Alert>
        ),
      });
      return;
    }
    const gaps = report.gaps;
    modals.openConfirmModal({
      title: 'Nộp báo cáo',
      children: (
        <Stack gap="xs">
          {gaps && (
            <Alert color="yellow" title="Còn thiếu">
              {gaps.text} Nếu vẫn nộp, báo cáo ghi rõ những điều còn thiếu này.
            </Alert>
          )}
          <Text size="sm">
            Nộp báo cáo của {report.organization.name}
            {report.recipient ? ` về ${report.recipient.name}` : ''}? Số liệu được chốt tại thời điểm nộp; sau
            khi nộp, báo cáo không sửa được nữa (trừ khi cấp nhận mở lại). Hạn nộp: {formatDate(report.dueOn)}
            .
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Nộp báo cáo', cancel: 'Hủy' },
      onConfirm: async () => {
        const current = dirty ? await save() : report;
        if (!current) return;
        setBusy(true);
        try {
          const submitted = await api.post<ReportDetail>(`/reports/${current.id}/submit`, {
            version: current.version,
            confirmGaps: !!gaps,
          });
          queryClient.setQueryData(key, submitted);
          await queryClient.invalidateQueries({ queryKey: ['reports'] });
          notifications.show({ color: 'green', title: 'Đã nộp báo cáo', message: report.organization.name });
        } catch (error) {
          notifications.show({ color: 'red', title: 'Không nộp được báo cáo', message: errorMessage(error) });
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Stack>
      {report.status === 'submitted' && report.gaps && (
        <Alert color="yellow" title="Báo cáo nộp khi còn thiếu">
          {report.gaps.text}
        </Alert>
      )}
      {report.reopenings.length > 0 && (
        <Alert color="gray" title="Lịch sử mở lại">
          <List size="sm">
            {report.reopenings.map((reopening) => (
              <List.Item key={reopening.sequence}>
                {formatDateTime(reopening.reopenedAt)} — {reopening.reopenedBy}: {reopening.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.permissions.reopen && (
        <Group>
          <Button variant="light" color="orange" onClick={() => setReopening(true)}>
            Mở lại báo cáo
          </Button>
        </Group>
      )}
      {reopening && <ReportReopenModal report={report} onClose={() => setReopening(false)} />}
      {SECTIONS.map((section) => (
        <Textarea
          key={section.key}
          label={section.label}
          description={section.description}
          autosize
          minRows={3}
          maxRows={14}
          readOnly={!editable}
          value={draft[section.key]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDraft((current) => ({ ...current, [section.key]: value }));
          }}
        />
      ))}
      {editable && (
        <Group justify="flex-end">
          <Button variant="default" onClick={save} loading={busy} disabled={!dirty}>
            Lưu nội dung
          </Button>
          {report.permissions.submit && (
            <Button onClick={submit} loading={busy}>
              Nộp báo cáo
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

/** The receiving level sends a submitted report back to its committee, with a reason kept in its history. */
function ReportReopenModal({ report, onClose }: { report: ReportDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      api.post<ReportDetail>(`/reports/${report.id}/reopen`, { version: report.version, reason }),
    onSuccess: async (reopened) => {
      queryClient.setQueryData(reportKey(report.plan.id, report.organization.id), reopened);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      notifications.show({ color: 'green', message: `Đã mở lại báo cáo của ${report.organization.name}.` });
      onClose();
    },
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['reason']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <FormModal
      title="Mở lại báo cáo"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel="Mở lại báo cáo"
    >
      <Text size="sm">
        Báo cáo trở lại bản nháp để {report.organization.name} sửa và nộp lại; bản đã nộp được lưu trong lịch
        sử cùng lý do.
      </Text>
      <Textarea
        label="Lý do mở lại"
        required
        autosize
        minRows={3}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
    </FormModal>
  );
}
