import { Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CompilationView } from '../../contract/compilations.js';
import { api } from '../api.js';
import { PATHS } from '../paths.js';
import { Section } from './layout.js';
import { RemediationItemCard } from './remediation-item-card.js';
import { remediationKeys, useMeetingRemediationQuery } from './remediation-queries.js';
import { EmptyState, ErrorNotice, errorMessage, Loading } from './states.js';

const COLLECTIVE = 'tap-the';

/** Accepted and classified points not yet in the plan, for the item form's list. */
function usePointOptions(meetingId: string, usedPointIds: Set<string>) {
  const compilation = useQuery({
    queryKey: ['compilation', meetingId],
    queryFn: () => api.get<CompilationView>(`/meetings/${meetingId}/compilation`),
  });
  const options = (compilation.data?.targets ?? []).flatMap((target) =>
    target.areas.flatMap((area) =>
      area.points
        .filter(
          (point) => point.conclusion === 'accepted' && point.responsibility && !usedPointIds.has(point.id),
        )
        .map((point) => ({ value: point.id, label: `${target.name}: ${point.text}` })),
    ),
  );
  return [...options, { value: COLLECTIVE, label: 'Việc chung của tổ chức (không gắn với ý kiến)' }];
}

function AddItemForm({ meetingId, usedPointIds }: { meetingId: string; usedPointIds: Set<string> }) {
  const queryClient = useQueryClient();
  const options = usePointOptions(meetingId, usedPointIds);
  const [pointId, setPointId] = useState<string | null>(null);
  const [action, setAction] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post(`/meetings/${meetingId}/remediation-items`, {
        ...(pointId === COLLECTIVE ? { responsibleKind: 'organization' } : { pointId }),
        action,
        deadline,
      }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã thêm việc khắc phục.' });
      setPointId(null);
      setAction('');
      setDeadline('');
      setError(null);
      void queryClient.invalidateQueries({ queryKey: remediationKeys.all });
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pointId) {
      setError('Hãy chọn ý kiến đã tiếp thu, hoặc việc chung của tổ chức.');
      return;
    }
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Select
          label="Ý kiến đã tiếp thu"
          placeholder="Chọn ý kiến"
          data={options}
          value={pointId}
          onChange={setPointId}
          searchable
        />
        <Textarea
          label="Nội dung khắc phục"
          value={action}
          onChange={(event) => setAction(event.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <Group align="flex-end" gap="xs">
          <TextInput
            type="date"
            label="Thời hạn"
            value={deadline}
            onChange={(event) => setDeadline(event.currentTarget.value)}
            required
          />
          <Button type="submit" loading={create.isPending}>
            Thêm việc khắc phục
          </Button>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** The meeting page's "Kế hoạch khắc phục" tab. */
export function RemediationPanel({ meetingId }: { meetingId: string }) {
  const plan = useMeetingRemediationQuery(meetingId);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorNotice error={plan.error} />;
  const view = plan.data;
  const usedPointIds = new Set(view.items.flatMap((item) => (item.pointId ? [item.pointId] : [])));
  return (
    <Stack>
      {view.canManage && (
        <Section title="Thêm việc khắc phục">
          <AddItemForm meetingId={meetingId} usedPointIds={usedPointIds} />
        </Section>
      )}
      <Section
        title="Kế hoạch khắc phục hạn chế, khuyết điểm"
        actions={
          view.canComment ? null : (
            <Group gap="xs">
              <Button
                variant="default"
                component="a"
                href={`/api/v1/meetings/${meetingId}/remediation.docx`}
                download
              >
                Tải DOCX
              </Button>
              <Button
                variant="default"
                component="a"
                href={`/api/v1/meetings/${meetingId}/remediation.pdf`}
                download
              >
                Tải PDF
              </Button>
            </Group>
          )
        }
      >
        {view.canManage && (
          <Text size="sm" c="dimmed">
            Quần chúng theo dõi và góp ý về kế hoạch tại {window.location.origin}
            {PATHS.supervise} bằng mã nhận tại buổi họp (trong năm kế hoạch). Ý kiến ẩn danh gửi bằng mã hiện
            từ ngày hôm sau, các ý kiến trong ngày cùng lúc, để không ai đoán được người gửi qua giờ gửi.
          </Text>
        )}
        <Text size="sm">
          {view.tally.total} việc · đã hoàn thành {view.tally.done} · quá hạn {view.tally.overdue}
        </Text>
        {view.items.length === 0 ? (
          <EmptyState>Chưa có việc khắc phục nào.</EmptyState>
        ) : (
          view.items.map((item, index) => (
            <RemediationItemCard
              key={item.id}
              item={item}
              index={index}
              permissions={{
                canAnswer: view.canManage,
                canProgress: view.canManage,
                canComment: view.canComment,
              }}
            />
          ))
        )}
      </Section>
    </Stack>
  );
}
