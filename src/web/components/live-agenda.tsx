import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { LiveView } from '../../contract/feedback.js';
import type { MeetingDetail } from '../../contract/meetings.js';
import { neighbourMember } from '../../domain/agenda.js';
import type { AgendaStep } from '../../domain/meetings.js';
import { api } from '../api.js';
import { errorMessage } from './states.js';

/** The seed's "Chương trình họp", point by point. */
const AGENDA_POINTS: Record<'opening' | 'content' | 'closing', { title: string; points: string[] }> = {
  opening: {
    title: 'Nghi thức',
    points: [
      'Tuyên bố lý do, giới thiệu đại biểu;',
      'Thông báo số lượng cấp ủy viên, đảng viên tự phê bình;',
      'Thông báo số lượng quần chúng tham dự;',
      'Cử thư ký ghi biên bản.',
    ],
  },
  content: {
    title: 'Nội dung',
    points: [
      'Đại diện cấp ủy thông qua danh sách đảng viên (ghi rõ nhiệm vụ của từng người, tóm tắt những ưu điểm, khuyết điểm chính);',
      'Gợi ý thảo luận đóng góp;',
      'Đóng góp của quần chúng;',
      'Đại diện cấp ủy tiếp thu.',
    ],
  },
  closing: {
    title: 'Kết thúc',
    points: ['Thư ký thông qua biên bản;', 'Chủ trì, thư ký, đại diện quần chúng ký vào biên bản.'],
  },
};

const STEP_INDEX: Record<AgendaStep, number> = {
  not_started: -1,
  opening: 0,
  content: 1,
  closing: 2,
  done: 3,
};

export interface AgendaMoveRequest {
  step: AgendaStep;
  selfCriticismId?: string | null;
}

/** Moves the shared agenda: every open device follows it on its next poll. */
export function useAgendaMove(meeting: MeetingDetail, onMoved: () => void) {
  return useMutation({
    mutationFn: (move: AgendaMoveRequest) =>
      api.put<MeetingDetail>(`/meetings/${meeting.id}/agenda`, { ...move, version: meeting.version }),
    onSettled: onMoved,
  });
}

export function AgendaStepper({ step }: { step: AgendaStep }) {
  return (
    <Stepper active={STEP_INDEX[step]} size="sm" allowNextStepsSelect={false} aria-label="Chương trình họp">
      {(['opening', 'content', 'closing'] as const).map((key, index) => (
        <Stepper.Step
          key={key}
          label={`(${index + 1}) ${AGENDA_POINTS[key].title}`}
          description={
            <List size="xs" spacing={2} visibleFrom="sm">
              {AGENDA_POINTS[key].points.map((point) => (
                <List.Item key={point}>{point}</List.Item>
              ))}
            </List>
          }
        />
      ))}
    </Stepper>
  );
}

/** (1) Nghi thức: what the chair announces, filled from the schedule and attendance. */
export function OpeningFacts({ view }: { view: LiveView }) {
  const { opening } = view;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Text fw={600}>
          Lý do: buổi tự phê bình và phê bình trước quần chúng tại {view.meeting.workplaceName}
        </Text>
        <Text>
          Đại biểu: {opening.delegates.length > 0 ? opening.delegates.join('; ') : 'không có đại biểu mời'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Text data-testid="opening-members">
            Đảng viên tự phê bình: {opening.membersTotal} (có mặt {opening.membersPresent}, vắng mặt{' '}
            {opening.membersAbsent}
            {opening.membersUnmarked > 0 ? `, chưa điểm danh ${opening.membersUnmarked}` : ''})
          </Text>
          <Text data-testid="opening-masses">Quần chúng tham dự: {opening.massesPresent}</Text>
          <Text>Chủ trì: {opening.chairName}</Text>
          <Text>Thư ký ghi biên bản: {opening.secretaryName}</Text>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The buttons that walk the agenda: one step on, one step back, and the members one at a time. */
export function AgendaControls({
  view,
  move,
  queueWaiting,
}: {
  view: LiveView;
  move: ReturnType<typeof useAgendaMove>;
  queueWaiting: number;
}) {
  const { meeting, members } = view;
  const ids = members.map((member) => member.selfCriticismId);
  const go = (request: AgendaMoveRequest) => move.mutate(request);
  const current = meeting.agendaSelfCriticismId;
  const previous = neighbourMember(ids, current, -1);
  const next = neighbourMember(ids, current, 1);
  return (
    <Stack gap="xs">
      {move.error && (
        <Alert color="red" role="alert">
          {errorMessage(move.error)}
        </Alert>
      )}
      {meeting.agendaStep === 'content' && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Button
            variant="default"
            disabled={!previous}
            onClick={() => previous && go({ step: 'content', selfCriticismId: previous })}
          >
            Đảng viên trước
          </Button>
          <Button
            variant="default"
            disabled={!next}
            onClick={() => next && go({ step: 'content', selfCriticismId: next })}
          >
            Đảng viên sau
          </Button>
          <NativeSelect
            label="Chọn đảng viên"
            value={current ?? ''}
            onChange={(event) => go({ step: 'content', selfCriticismId: event.currentTarget.value })}
            data={members.map((member) => ({ value: member.selfCriticismId, label: member.fullName }))}
          />
        </Group>
      )}
      <Group gap="xs" wrap="wrap">
        {meeting.agendaStep === 'not_started' && (
          <Button loading={move.isPending} onClick={() => go({ step: 'opening' })}>
            Bắt đầu buổi họp
          </Button>
        )}
        {meeting.agendaStep === 'opening' && (
          <Button loading={move.isPending} onClick={() => go({ step: 'content' })}>
            Sang phần (2) Nội dung
          </Button>
        )}
        {meeting.agendaStep === 'content' && (
          <>
            <Button variant="default" onClick={() => go({ step: 'opening' })}>
              Về phần (1) Nghi thức
            </Button>
            <Button loading={move.isPending} onClick={() => go({ step: 'closing' })}>
              Sang phần (3) Kết thúc
            </Button>
          </>
        )}
        {meeting.agendaStep === 'closing' && (
          <>
            <Button variant="default" onClick={() => go({ step: 'content' })}>
              Về phần (2) Nội dung
            </Button>
            <Button
              color="red"
              loading={move.isPending}
              disabled={queueWaiting > 0}
              onClick={() => go({ step: 'done' })}
            >
              Kết thúc buổi họp
            </Button>
            {queueWaiting > 0 && (
              <Text size="sm" c="red">
                Còn ý kiến chưa gửi được: chờ gửi xong rồi mới kết thúc buổi họp.
              </Text>
            )}
          </>
        )}
      </Group>
    </Stack>
  );
}
