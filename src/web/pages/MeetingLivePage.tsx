import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { LiveMember, LiveView } from '../../contract/feedback.js';
import { isRecording } from '../../domain/agenda.js';
import { formatDate } from '../api.js';
import { AgendaControls, AgendaStepper, OpeningFacts, useAgendaMove } from '../components/live-agenda.js';
import { LiveEntryForm } from '../components/live-entry-form.js';
import { LiveEntryList, type ShownEntry } from '../components/live-entry-list.js';
import { liveKey, useEntryMerge, useLiveQuery } from '../components/live-queries.js';
import { useOpinionQueue } from '../components/live-queue.js';
import { LiveResponse } from '../components/live-response.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { PATHS } from '../paths.js';

/** (2) Nội dung: the member being heard, with what the committee read out about them. */
function MemberCard({ member }: { member: LiveMember }) {
  const offices = [member.partyOffice, member.governmentOffice].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="md" data-testid="current-member">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Title order={3}>Đồng chí {member.fullName}</Title>
          {member.present === false && <Badge color="orange">Vắng mặt</Badge>}
        </Group>
        {offices && <Text size="sm">{offices}</Text>}
        <Text size="sm">
          <b>Nhiệm vụ được giao:</b> {member.summary.duties || member.assignedDuty || '—'}
        </Text>
        <Text size="sm">
          <b>Ưu điểm chính:</b> {member.summary.strengths || '—'}
        </Text>
        <Text size="sm">
          <b>Khuyết điểm chính:</b> {member.summary.shortcomings || '—'}
        </Text>
      </Stack>
    </Paper>
  );
}

function LiveMeeting({ meetingId, view }: { meetingId: string; view: LiveView }) {
  const client = useQueryClient();
  const merge = useEntryMerge(meetingId);
  const refresh = useCallback(
    () => client.invalidateQueries({ queryKey: liveKey(meetingId) }),
    [client, meetingId],
  );
  const { queue, waiting, enqueue, drop } = useOpinionQueue(meetingId, merge);
  const move = useAgendaMove(view.meeting, refresh);
  const { meeting, members } = view;
  const step = meeting.agendaStep;
  const current = members.find((member) => member.selfCriticismId === meeting.agendaSelfCriticismId) ?? null;

  const confirmed = new Set(view.entries.map((entry) => entry.id));
  const queued: ShownEntry[] = queue
    .filter((item) => !confirmed.has(item.body.id))
    .map((item) => ({ entry: item.body, pending: true, refusal: item.refusal }));
  // In the content step the list keeps to the member being heard and the collective.
  const concerns = (selfCriticismId: string | null) =>
    step !== 'content' || selfCriticismId === null || selfCriticismId === current?.selfCriticismId;
  const shown: ShownEntry[] = [...view.entries.map((entry) => ({ entry })), ...queued].filter(({ entry }) =>
    concerns(entry.selfCriticismId),
  );
  const responseOf = (selfCriticismId: string | null) =>
    view.responses.find((response) => response.selfCriticismId === selfCriticismId);

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={2}>Diễn biến buổi họp — {meeting.workplaceName}</Title>
        <Text size="sm" c="dimmed">
          {formatDate(meeting.startsAt)} tại {meeting.place}. Chủ trì: {meeting.chairName}; thư ký:{' '}
          {meeting.secretaryName}.
        </Text>
      </Stack>
      {waiting > 0 && (
        <Alert color="yellow" role="status" aria-live="polite" data-testid="queue-banner">
          {waiting} ý kiến đang chờ gửi. Các ý kiến được giữ trên máy này và tự gửi lại khi có mạng.
        </Alert>
      )}
      <AgendaStepper step={step} />
      <AgendaControls view={view} move={move} queueWaiting={waiting} />
      {step === 'not_started' && (
        <Text>Buổi họp chưa bắt đầu. Bấm “Bắt đầu buổi họp” khi chủ trì khai mạc.</Text>
      )}
      {step === 'done' && (
        <Alert color="green" title="Buổi họp đã kết thúc">
          Xem và hoàn thiện biên bản ở{' '}
          <Anchor component={Link} to={PATHS.meeting(meeting.planId, meeting.workplaceId)}>
            trang buổi họp
          </Anchor>
          .
        </Alert>
      )}
      {(step === 'opening' || step === 'closing') && <OpeningFacts view={view} />}
      {step === 'closing' && (
        <Text>
          Thư ký thông qua biên bản rồi chủ trì, thư ký, đại diện quần chúng ký:{' '}
          <Anchor component={Link} to={PATHS.meeting(meeting.planId, meeting.workplaceId)}>
            mở phần biên bản của buổi họp
          </Anchor>
          .
        </Text>
      )}
      {meeting.minutesLocked && (
        <Alert color="blue" title="Biên bản đã được ký và khóa" data-testid="minutes-locked-notice">
          Không ghi thêm hay sửa ý kiến được nữa. Nếu cần đính chính, hãy lập phụ lục ở{' '}
          <Anchor component={Link} to={PATHS.meeting(meeting.planId, meeting.workplaceId)}>
            phần biên bản của buổi họp
          </Anchor>
          .
        </Alert>
      )}
      {isRecording(step) && (
        <Grid gap="md">
          {!meeting.minutesLocked && (
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Stack gap="md">
                {step === 'content' && current && <MemberCard member={current} />}
                <Paper withBorder p="md">
                  <LiveEntryForm focus={step === 'content' ? current : null} onRecord={enqueue} />
                </Paper>
                <Paper withBorder p="md">
                  <LiveResponse
                    key={step === 'content' ? (current?.selfCriticismId ?? 'tap-the') : 'tap-the'}
                    meetingId={meetingId}
                    selfCriticismId={step === 'content' ? (current?.selfCriticismId ?? null) : null}
                    targetName={
                      step === 'content' && current ? `đồng chí ${current.fullName}` : 'tập thể chi bộ'
                    }
                    saved={responseOf(step === 'content' ? (current?.selfCriticismId ?? null) : null)}
                    onSaved={refresh}
                  />
                </Paper>
              </Stack>
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: meeting.minutesLocked ? 12 : 6 }}>
            <Stack gap="xs">
              <Title order={4}>
                {step === 'content' && current
                  ? `Ý kiến về đồng chí ${current.fullName} và tập thể chi bộ`
                  : 'Các ý kiến đã ghi'}
              </Title>
              <LiveEntryList
                shown={shown}
                members={members}
                locked={meeting.minutesLocked}
                onSaved={merge}
                onDrop={drop}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** `/hop/:id/truc-tiep`: the secretary's (and the chair's) page while the meeting runs. */
export default function MeetingLivePage() {
  const { id = '' } = useParams();
  const live = useLiveQuery(id);
  if (live.isPending) return <Loading />;
  if (!live.data) return <ErrorNotice error={live.error} />;
  return <LiveMeeting meetingId={id} view={live.data} />;
}
