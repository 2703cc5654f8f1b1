import { Anchor, Badge, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { MeetingListItem } from '../../contract/meetings.js';
import { AGENDA_STEP_LABELS, vietnamDate, vietnamTime } from '../../domain/meetings.js';
import { formatDate } from '../api.js';
import { useMyMeetingsQuery } from '../components/meeting-queries.js';
import { ResponsiveTable } from '../components/responsive-table.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

const PAGE_SIZE = 50;

const CAPACITY_LABELS: Record<MeetingListItem['capacity'], string> = {
  committee: 'Cấp ủy',
  secretary: 'Thư ký',
  chair: 'Chủ trì',
};

/** The secretary and the chair go to the live page; the committee to the meeting's page. */
function linkOf(meeting: MeetingListItem): string {
  return meeting.capacity === 'committee'
    ? PATHS.meeting(meeting.planId, meeting.workplaceId)
    : PATHS.meetingLive(meeting.id);
}

export default function MyMeetingsPage() {
  const [page, setPage] = useState(1);
  const query = useMyMeetingsQuery(page, PAGE_SIZE);
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / query.data.pageSize)) : 1;
  return (
    <Stack>
      <Title order={2}>Cuộc họp của tôi</Title>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : query.data.items.length === 0 ? (
        <EmptyState>Bạn chưa tham gia buổi họp nào với vai trò cấp ủy, thư ký hay chủ trì.</EmptyState>
      ) : (
        <ResponsiveTable striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cơ quan, đơn vị</Table.Th>
              <Table.Th>Kế hoạch</Table.Th>
              <Table.Th>Thời gian</Table.Th>
              <Table.Th>Vai trò</Table.Th>
              <Table.Th>Tiến trình</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((meeting) => {
              const starts = new Date(meeting.startsAt);
              return (
                <Table.Tr key={meeting.id} data-testid="my-meeting">
                  <Table.Td>
                    <Anchor component={Link} to={linkOf(meeting)}>
                      {meeting.workplaceName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {meeting.organizationName}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Kế hoạch">
                    Số {meeting.planNumber} ({meeting.planYear})
                  </Table.Td>
                  <Table.Td data-label="Thời gian">
                    {formatDate(vietnamDate(starts))} {vietnamTime(starts)}–
                    {vietnamTime(new Date(meeting.endsAt))}
                    <Text size="xs" c="dimmed">
                      {meeting.place}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Vai trò">{CAPACITY_LABELS[meeting.capacity]}</Table.Td>
                  <Table.Td data-label="Tiến trình">
                    <Badge variant="light">{AGENDA_STEP_LABELS[meeting.agendaStep]}</Badge>
                    {meeting.minutesLocked && (
                      <Badge color="green" variant="light" ml={4}>
                        Biên bản đã ký
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}
