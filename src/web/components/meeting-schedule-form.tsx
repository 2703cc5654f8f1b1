import { Alert, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MeetingCandidates, MeetingDetail } from '../../contract/meetings.js';
import { api } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormActions } from './layout.js';
import { MEETINGS_KEY, workplaceMeetingKey } from './meeting-queries.js';
import {
  EMPTY_SCHEDULE,
  type ScheduleTexts,
  scheduleBodyOf,
  scheduleTextsOf,
} from './meeting-schedule-values.js';

const SERVER_FIELDS = [
  'startsAt',
  'endsAt',
  'place',
  'chairName',
  'chairAccountId',
  'secretaryAccountId',
  'delegates',
];

/**
 * The committee schedules the meeting, or moves one not yet held (with the version it read). The
 * server's refusals (over one day, past the deadline, a secretary from elsewhere) sit under the
 * field they name.
 */
export function MeetingScheduleForm({
  planId,
  workplaceId,
  candidates,
  meeting,
  onDone,
  onCancel,
}: {
  planId: string;
  workplaceId: string;
  candidates: MeetingCandidates;
  meeting?: MeetingDetail;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const [texts, setTexts] = useState<ScheduleTexts>(meeting ? scheduleTextsOf(meeting) : EMPTY_SCHEDULE);
  const [localErrors, setLocalErrors] = useState<Partial<Record<keyof ScheduleTexts, string>>>({});
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: object) =>
      meeting
        ? api.put<MeetingDetail>(`/meetings/${meeting.id}`, { ...body, version: meeting.version })
        : api.post<MeetingDetail>(`/plans/${planId}/workplaces/${workplaceId}/meeting`, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(workplaceMeetingKey(planId, workplaceId), saved);
      await queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
      onDone();
    },
  });
  const server = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, SERVER_FIELDS);
  const set = (field: keyof ScheduleTexts) => (value: string | null) =>
    setTexts((current) => ({ ...current, [field]: value ?? '' }));
  const input = (field: keyof ScheduleTexts) => ({
    value: (texts[field] as string | null) ?? '',
    onChange: (event: { currentTarget: { value: string } }) => set(field)(event.currentTarget.value),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = scheduleBodyOf(texts);
    setLocalErrors(errors);
    if (body) mutation.mutate(body);
  };
  const option = (candidate: MeetingCandidates['secretaries'][number]) => ({
    value: candidate.accountId,
    label: candidate.worksHere
      ? `${candidate.displayName} (${candidate.username})`
      : `${candidate.displayName} (${candidate.username}, cấp ủy)`,
  });
  return (
    <form onSubmit={submit} noValidate aria-label={meeting ? 'Sửa lịch họp' : 'Lập lịch họp'}>
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateTextInput
            label="Ngày họp"
            placeholder="dd/mm/yyyy"
            required
            {...input('date')}
            error={localErrors.date ?? server.startsAt}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Giờ bắt đầu"
              placeholder="hh:mm"
              required
              {...input('startTime')}
              error={localErrors.startTime}
            />
            <TextInput
              label="Giờ kết thúc"
              placeholder="hh:mm"
              required
              {...input('endTime')}
              error={localErrors.endTime ?? server.endsAt}
            />
          </Group>
          <DateTextInput
            label="Ngày kết thúc (nếu khác ngày họp)"
            description="Buổi họp chỉ diễn ra trong một ngày; để trống nếu kết thúc cùng ngày."
            placeholder="dd/mm/yyyy"
            {...input('endDate')}
            error={localErrors.endDate}
          />
          <TextInput label="Địa điểm" required {...input('place')} error={server.place} />
          <TextInput label="Người chủ trì" required {...input('chairName')} error={server.chairName} />
          <Select
            label="Tài khoản người chủ trì (nếu có)"
            description="Người chủ trì có tài khoản thì ký biên bản và theo dõi buổi họp trên ứng dụng."
            clearable
            searchable
            data={candidates.chairs.map(option)}
            value={texts.chairAccountId}
            onChange={(value) => setTexts((current) => ({ ...current, chairAccountId: value }))}
            error={server.chairAccountId}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Thư ký"
            description="Một người làm việc tại cơ quan, đơn vị."
            required
            searchable
            data={candidates.secretaries.map(option)}
            value={texts.secretaryAccountId}
            onChange={(value) => setTexts((current) => ({ ...current, secretaryAccountId: value }))}
            error={localErrors.secretaryAccountId ?? server.secretaryAccountId}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Textarea
          label="Đại biểu dự họp"
          description="Mỗi dòng một đại biểu."
          autosize
          minRows={2}
          {...input('delegates')}
          error={server.delegates}
        />
        <FormActions
          onCancel={onCancel ?? (() => setTexts(EMPTY_SCHEDULE))}
          busy={mutation.isPending}
          submitLabel={meeting ? 'Lưu lịch họp' : 'Lập lịch họp'}
        />
      </Stack>
    </form>
  );
}
