import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MeetingDetail } from '../../contract/meetings.js';
import { AGENDA_STEP_LABELS, vietnamDate, vietnamTime } from '../../domain/meetings.js';
import { formatDate } from '../api.js';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** The meeting at a glance: when, where, who runs it, and by when it must be held. */
export function MeetingHeader({ meeting, onEdit }: { meeting: MeetingDetail; onEdit?: () => void }) {
  const starts = new Date(meeting.startsAt);
  const ends = new Date(meeting.endsAt);
  return (
    <Paper withBorder p="md" data-testid="meeting-header">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={4}>Lịch họp</Title>
            <Badge variant="light">{AGENDA_STEP_LABELS[meeting.agendaStep]}</Badge>
            {meeting.minutesLocked && (
              <Badge color="green" variant="light">
                Biên bản đã ký
              </Badge>
            )}
          </Group>
          {onEdit && (
            <Button variant="default" onClick={onEdit}>
              Sửa lịch họp
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Ngày họp">{formatDate(vietnamDate(starts))}</Fact>
          <Fact label="Thời gian">
            {vietnamTime(starts)}–{vietnamTime(ends)}
          </Fact>
          <Fact label="Địa điểm">{meeting.place}</Fact>
          <Fact label="Người chủ trì">{meeting.chairName}</Fact>
          <Fact label="Thư ký">{meeting.secretaryName}</Fact>
          <Fact label="Thời hạn hoàn thành">{formatDate(meeting.deadline)}</Fact>
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            Đại biểu
          </Text>
          {meeting.delegates.length === 0 ? (
            <Text size="sm">Không có đại biểu cấp trên.</Text>
          ) : (
            <List size="sm">
              {meeting.delegates.map((delegate) => (
                <List.Item key={delegate}>{delegate}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
