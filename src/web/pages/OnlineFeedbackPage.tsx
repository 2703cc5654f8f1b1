import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FeedbackMeeting, FeedbackMeetingList } from '../../contract/written-feedback.js';
import { vietnamDate, vietnamTime } from '../../domain/dates.js';
import { EMPTY_FORM_MESSAGE } from '../../domain/feedback.js';
import { api, formatDate } from '../api.js';
import { EmptyState, ErrorNotice, errorMessage, Loading } from '../components/states.js';
import {
  emptyWrittenForm,
  isEmptyWrittenForm,
  WrittenFormFields,
} from '../components/written-form-fields.js';

// The meeting's own day and hours in Vietnam's time, whatever the device's zone (issue 11).
const day = (iso: string) => formatDate(vietnamDate(new Date(iso)));
const time = (iso: string) => vietnamTime(new Date(iso));

function MeetingFeedback({ meeting }: { meeting: FeedbackMeeting }) {
  const [selfCriticismId, setSelfCriticismId] = useState<string | null>(null);
  const [form, setForm] = useState(emptyWrittenForm);
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => api.post(`/meetings/${meeting.meetingId}/online-forms`, { selfCriticismId, form }),
    onSuccess: () => {
      notifications.show({ color: 'green', message: 'Đã gửi phiếu góp ý. Cảm ơn anh/chị.' });
      setForm(emptyWrittenForm());
      setError(null);
    },
    onError: (failure) => setError(errorMessage(failure)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selfCriticismId) return setError('Chọn đảng viên anh/chị muốn góp ý.');
    if (isEmptyWrittenForm(form)) return setError(EMPTY_FORM_MESSAGE);
    send.mutate();
  };
  const chosen = meeting.members.find((member) => member.selfCriticismId === selfCriticismId);
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{meeting.workplaceName}</Title>
        <Text size="sm">
          Ngày {day(meeting.startsAt)}, {time(meeting.startsAt)}–{time(meeting.endsAt)}, tại {meeting.place}
        </Text>
        <Stack gap="xs">
          {meeting.members.map((member) => (
            <Stack key={member.selfCriticismId} gap={0}>
              <Text fw={600}>{member.fullName}</Text>
              <Text size="sm">Nhiệm vụ: {member.duties || 'chưa ghi'}</Text>
              <Text size="sm">Ưu điểm chính: {member.strengths || 'chưa ghi'}</Text>
              <Text size="sm">Khuyết điểm chính: {member.shortcomings || 'chưa ghi'}</Text>
            </Stack>
          ))}
        </Stack>
        <form onSubmit={submit} aria-label={`Phiếu góp ý — ${meeting.workplaceName}`}>
          <Stack gap="sm">
            <Alert color="blue">Phiếu này ghi tên anh/chị: cấp ủy và thư ký thấy họ tên người góp ý.</Alert>
            <Select
              label="Đảng viên được góp ý"
              placeholder="Chọn đảng viên"
              data={meeting.members.map((member) => ({
                value: member.selfCriticismId,
                label: member.fullName,
              }))}
              value={selfCriticismId}
              onChange={setSelfCriticismId}
              required
            />
            {chosen && (
              <Text size="sm">
                Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên {chosen.fullName}, tôi có đóng góp như sau:
              </Text>
            )}
            <WrittenFormFields value={form} onChange={setForm} />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={send.isPending}>
                Gửi phiếu góp ý
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}

export default function OnlineFeedbackPage() {
  const meetings = useQuery({
    queryKey: ['feedback-meetings'],
    queryFn: () => api.get<FeedbackMeetingList>('/me/feedback-meetings'),
  });
  return (
    <Stack gap="md">
      <Title order={2}>Góp ý bằng văn bản</Title>
      {meetings.isPending ? (
        <Loading />
      ) : meetings.error ? (
        <ErrorNotice error={meetings.error} />
      ) : meetings.data.eligibility === 'party_member' ? (
        <Alert color="gray">
          Phiếu góp ý trên hệ thống dành cho quần chúng. Đảng viên góp ý cho nhau trong sinh hoạt chi bộ.
        </Alert>
      ) : meetings.data.eligibility === 'no_person' ? (
        <Alert color="gray">
          Tài khoản của anh/chị chưa gắn với một người trong danh sách nhân sự của cơ quan, đơn vị nên chưa
          gửi được phiếu góp ý.
        </Alert>
      ) : meetings.data.items.length === 0 ? (
        <EmptyState>
          Hiện không có buổi họp nào ở cơ quan, đơn vị của anh/chị đang nhận phiếu góp ý.
        </EmptyState>
      ) : (
        meetings.data.items.map((meeting) => <MeetingFeedback key={meeting.meetingId} meeting={meeting} />)
      )}
    </Stack>
  );
}
