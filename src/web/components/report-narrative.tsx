import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReportDetail, ReportNarrative } from '../../contract/reports.js';
import { api, formatDate } from '../api.js';
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

  const submit = () =>
    modals.openConfirmModal({
      title: 'Nộp báo cáo',
      children: (
        <Text size="sm">
          Nộp báo cáo của {report.organization.name}
          {report.recipient ? ` về ${report.recipient.name}` : ''}? Số liệu được chốt tại thời điểm nộp; sau
          khi nộp, báo cáo không sửa được nữa. Hạn nộp: {formatDate(report.dueOn)}.
        </Text>
      ),
      labels: { confirm: 'Nộp báo cáo', cancel: 'Hủy' },
      onConfirm: async () => {
        const current = dirty ? await save() : report;
        if (!current) return;
        setBusy(true);
        try {
          const submitted = await api.post<ReportDetail>(`/reports/${current.id}/submit`, {
            version: current.version,
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

  return (
    <Stack>
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
