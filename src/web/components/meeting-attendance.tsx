import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { AttendanceMember, MeetingAttendance, MeetingCapacity } from '../../contract/meetings.js';
import { ApiError, api, formatDateTime } from '../api.js';
import { isStaleVersion } from './form-field-errors.js';
import { attendanceKey, MEETINGS_KEY, useAttendanceQuery } from './meeting-queries.js';
import { ResponsiveTable } from './responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from './states.js';

interface Mark {
  present: boolean;
  absenceReason: string;
  absenceReasonValid: 'yes' | 'no' | null;
}

const TEMPLATE_LABELS = { with_office: 'Có chức vụ', without_office: 'Không có chức vụ' } as const;

function markOf(member: AttendanceMember): Mark {
  return {
    present: member.present ?? true,
    absenceReason: member.absenceReason ?? '',
    absenceReasonValid: member.absenceReasonValid === null ? null : member.absenceReasonValid ? 'yes' : 'no',
  };
}

/** The server names a member's field as `body.members.<index>.<field>`. */
function issueAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.issues.find((issue) => issue.path === `body.${path}`)?.message;
}

/** The committee confirms, after the meeting, that an absent member was told the feedback about them. */
function ToldConfirmation({ meetingId, member }: { meetingId: string; member: AttendanceMember }) {
  const [note, setNote] = useState('');
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () =>
      api.post<MeetingAttendance>(`/meetings/${meetingId}/attendance/${member.selfCriticismId}/told`, {
        note,
      }),
    onSuccess: (saved) => queryClient.setQueryData(attendanceKey(meetingId), saved),
  });
  if (member.toldAt) {
    return (
      <Text size="sm" c="green">
        Đã thông tin lúc {formatDateTime(member.toldAt)}
        {member.toldByName ? ` (${member.toldByName})` : ''}
        {member.toldNote ? `: ${member.toldNote}` : ''}
      </Text>
    );
  }
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        label={`Ghi chú thông tin cho ${member.fullName}`}
        size="xs"
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Button size="xs" variant="light" loading={mutation.isPending} onClick={() => mutation.mutate()}>
        Đã thông tin
      </Button>
      {mutation.error && (
        <Text size="xs" c="red" role="alert">
          {(mutation.error as Error).message}
        </Text>
      )}
    </Group>
  );
}

function AttendanceForm({
  attendance,
  capacity,
  locked,
}: {
  attendance: MeetingAttendance;
  capacity: MeetingCapacity;
  locked: boolean;
}) {
  const [marks, setMarks] = useState<Mark[]>(() => attendance.members.map(markOf));
  const [massesPresent, setMassesPresent] = useState<number | string>(attendance.massesPresent);
  const [names, setNames] = useState(attendance.massesPresentNames.join('\n'));
  const [saved, setSaved] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => {
    setMarks(attendance.members.map(markOf));
    setMassesPresent(attendance.massesPresent);
    setNames(attendance.massesPresentNames.join('\n'));
  }, [attendance]);
  const mutation = useMutation({
    mutationFn: () =>
      api.put<MeetingAttendance>(`/meetings/${attendance.meetingId}/attendance`, {
        version: attendance.version,
        members: attendance.members.map((member, index) => {
          const mark = marks[index] as Mark;
          return mark.present
            ? { selfCriticismId: member.selfCriticismId, present: true }
            : {
                selfCriticismId: member.selfCriticismId,
                present: false,
                absenceReason: mark.absenceReason,
                absenceReasonValid:
                  mark.absenceReasonValid === null ? null : mark.absenceReasonValid === 'yes',
              };
        }),
        massesPresent: typeof massesPresent === 'number' ? massesPresent : Number(massesPresent || 0),
        massesPresentNames: names
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
      }),
    onSuccess: async (result) => {
      queryClient.setQueryData(attendanceKey(attendance.meetingId), result);
      await queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
      setSaved(true);
    },
    onError: async (error) => {
      setSaved(false);
      if (isStaleVersion(error)) await queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });
    },
  });
  const update = (index: number, change: Partial<Mark>) => {
    setSaved(false);
    setMarks((current) => current.map((mark, at) => (at === index ? { ...mark, ...change } : mark)));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const held = attendance.agendaStep === 'done';
  const error = mutation.error;
  return (
    <form onSubmit={submit} noValidate aria-label="Điểm danh">
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {isStaleVersion(error)
              ? 'Lịch họp hoặc điểm danh vừa được người khác thay đổi. Đã tải lại bản mới nhất, vui lòng kiểm tra rồi lưu lại.'
              : (error as Error).message}
          </Alert>
        )}
        {saved && (
          <Alert color="green" role="status">
            Đã lưu điểm danh.
          </Alert>
        )}
        {attendance.members.length === 0 ? (
          <EmptyState>Cơ quan, đơn vị này không có đảng viên phải tự phê bình.</EmptyState>
        ) : (
          <ResponsiveTable minWidth={720} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đảng viên</Table.Th>
                <Table.Th>Điểm danh</Table.Th>
                <Table.Th>Lý do vắng mặt</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attendance.members.map((member, index) => {
                const mark = marks[index] as Mark;
                return (
                  <Table.Tr key={member.selfCriticismId} data-testid="attendance-row">
                    <Table.Td>
                      <Text fw={500}>{member.fullName}</Text>
                      <Text size="xs" c="dimmed">
                        {TEMPLATE_LABELS[member.template]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Radio.Group
                        label={<VisuallyHidden>Điểm danh {member.fullName}</VisuallyHidden>}
                        value={mark.present ? 'present' : 'absent'}
                        onChange={(value) => update(index, { present: value === 'present' })}
                      >
                        <Group gap="sm">
                          <Radio value="present" label="Có mặt" />
                          <Radio value="absent" label="Vắng mặt" />
                        </Group>
                      </Radio.Group>
                    </Table.Td>
                    <Table.Td>
                      {mark.present ? (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      ) : (
                        <Stack gap="xs">
                          <TextInput
                            label={`Lý do vắng mặt của ${member.fullName}`}
                            size="sm"
                            value={mark.absenceReason}
                            onChange={(event) => update(index, { absenceReason: event.currentTarget.value })}
                            error={issueAt(error, `members.${index}.absenceReason`)}
                          />
                          <Radio.Group
                            label="Lý do chính đáng?"
                            value={mark.absenceReasonValid}
                            onChange={(value) => update(index, { absenceReasonValid: value as 'yes' | 'no' })}
                            error={issueAt(error, `members.${index}.absenceReasonValid`)}
                          >
                            <Group gap="sm">
                              <Radio value="yes" label="Chính đáng" />
                              <Radio value="no" label="Không chính đáng" />
                            </Group>
                          </Radio.Group>
                          {member.present === false && held && capacity === 'committee' && (
                            <ToldConfirmation meetingId={attendance.meetingId} member={member} />
                          )}
                          {member.present === false &&
                            member.toldAt === null &&
                            held &&
                            capacity !== 'committee' && (
                              <Badge color="orange" variant="light">
                                Chưa thông tin
                              </Badge>
                            )}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </ResponsiveTable>
        )}
        <Paper withBorder p="sm">
          <Stack gap="sm">
            <NumberInput
              label="Số quần chúng dự họp"
              min={0}
              allowNegative={false}
              allowDecimal={false}
              value={massesPresent}
              onChange={(value) => {
                setSaved(false);
                setMassesPresent(value);
              }}
              error={issueAt(error, 'massesPresent')}
              w={240}
            />
            <Textarea
              label="Họ tên quần chúng dự họp (không bắt buộc)"
              description="Mỗi dòng một người."
              autosize
              minRows={2}
              value={names}
              onChange={(event) => {
                setSaved(false);
                setNames(event.currentTarget.value);
              }}
              error={issueAt(error, 'massesPresentNames')}
            />
          </Stack>
        </Paper>
        {locked && (
          <Alert color="gray" title="Biên bản đã ký">
            Điểm danh là một phần của biên bản đã khóa nên không sửa được nữa.
          </Alert>
        )}
        {capacity !== 'chair' && !locked && (
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              Lưu điểm danh
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** DESIGN step 3: who self-criticizes is present or absent with a reason; how many masses came. */
export function MeetingAttendancePanel({
  meetingId,
  capacity,
  locked,
}: {
  meetingId: string;
  capacity: MeetingCapacity;
  /** The minutes are signed: attendance is part of them, the database refuses changes. */
  locked: boolean;
}) {
  const query = useAttendanceQuery(meetingId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return <AttendanceForm attendance={query.data} capacity={capacity} locked={locked} />;
}
