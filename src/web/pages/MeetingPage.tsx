import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeetingCandidates, MeetingDetail } from '../../contract/meetings.js';
import { ApiError } from '../api.js';
import { CompilationPanel } from '../components/compilation-panel.js';
import { MeetingAttendancePanel } from '../components/meeting-attendance.js';
import { MeetingHeader } from '../components/meeting-header.js';
import {
  useMeetingCandidatesQuery,
  useMeetingWorkplaceQuery,
  useWorkplaceMeetingQuery,
} from '../components/meeting-queries.js';
import { MeetingScheduleForm } from '../components/meeting-schedule-form.js';
import { MinutesPanel } from '../components/minutes-panel.js';
import { PhoneFormsPanel } from '../components/phone-forms-panel.js';
import { planNumberText, usePlanQuery } from '../components/plan-queries.js';
import { RemediationPanel } from '../components/remediation-panel.js';
import { ErrorNotice, Loading } from '../components/states.js';
import { WrittenFormsPanel } from '../components/written-forms-panel.js';
import { PATHS } from '../paths.js';

/** A meeting's tabs for those who run or record it; officers above see the header only. */
function MeetingTabs({ meeting }: { meeting: MeetingDetail }) {
  return (
    <Tabs defaultValue="diem-danh" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="diem-danh">Điểm danh</Tabs.Tab>
        <Tabs.Tab value="dien-thoai">Phiếu qua điện thoại</Tabs.Tab>
        <Tabs.Tab value="phieu-giay">Phiếu giấy và góp ý ghi tên</Tabs.Tab>
        <Tabs.Tab value="bien-ban">Biên bản</Tabs.Tab>
        <Tabs.Tab value="tong-hop">Tổng hợp ý kiến</Tabs.Tab>
        <Tabs.Tab value="khac-phuc">Kế hoạch khắc phục</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="diem-danh" pt="md">
        <MeetingAttendancePanel
          meetingId={meeting.id}
          capacity={meeting.capacity}
          locked={meeting.minutesLocked}
        />
      </Tabs.Panel>
      <Tabs.Panel value="dien-thoai" pt="md">
        <PhoneFormsPanel meetingId={meeting.id} />
      </Tabs.Panel>
      <Tabs.Panel value="phieu-giay" pt="md">
        <WrittenFormsPanel meetingId={meeting.id} />
      </Tabs.Panel>
      <Tabs.Panel value="bien-ban" pt="md">
        <MinutesPanel meetingId={meeting.id} />
      </Tabs.Panel>
      <Tabs.Panel value="tong-hop" pt="md">
        <CompilationPanel meetingId={meeting.id} />
      </Tabs.Panel>
      <Tabs.Panel value="khac-phuc" pt="md">
        <RemediationPanel meetingId={meeting.id} />
      </Tabs.Panel>
    </Tabs>
  );
}

function ScheduledMeeting({
  meeting,
  candidates,
}: {
  meeting: MeetingDetail;
  candidates: MeetingCandidates | undefined;
}) {
  const [editing, setEditing] = useState(false);
  const canEdit = meeting.capacity === 'committee' && meeting.agendaStep !== 'done' && !meeting.minutesLocked;
  return (
    <Stack>
      <MeetingHeader meeting={meeting} onEdit={canEdit && candidates ? () => setEditing(true) : undefined} />
      {meeting.capacity !== 'reader' && (
        <>
          <Group>
            <Button component={Link} to={PATHS.meetingLive(meeting.id)} size="md">
              Mở trang điều hành buổi họp
            </Button>
          </Group>
          <MeetingTabs meeting={meeting} />
        </>
      )}
      {editing && candidates && (
        <Modal opened onClose={() => setEditing(false)} title="Sửa lịch họp" size="xl">
          <MeetingScheduleForm
            planId={meeting.planId}
            workplaceId={meeting.workplaceId}
            candidates={candidates}
            meeting={meeting}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Modal>
      )}
    </Stack>
  );
}

/** No meeting yet: the committee schedules it here; an exempt workplace says why there is none. */
function Unscheduled({
  planId,
  workplaceId,
  candidates,
  candidatesError,
  workplaceName,
}: {
  planId: string;
  workplaceId: string;
  candidates: MeetingCandidates | undefined;
  candidatesError: unknown;
  workplaceName: string | undefined;
}) {
  if (candidatesError instanceof ApiError && candidatesError.status === 403) {
    return (
      <Alert color="gray" data-testid="meeting-unscheduled">
        {workplaceName ?? 'Cơ quan, đơn vị này'} chưa có lịch họp.
      </Alert>
    );
  }
  if (candidatesError) return <ErrorNotice error={candidatesError} />;
  if (!candidates) return <Loading />;
  if (!candidates.required) {
    return (
      <Alert color="gray" title="Không tổ chức buổi họp">
        {candidates.workplaceName} được miễn tổ chức buổi tự phê bình và phê bình trước quần chúng (chưa đủ số
        quần chúng theo quy định).
      </Alert>
    );
  }
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Lập lịch họp</Title>
        <Text size="sm" c="dimmed">
          Buổi họp diễn ra trong một ngày và xong trước thời hạn của kế hoạch.
        </Text>
        <MeetingScheduleForm
          planId={planId}
          workplaceId={workplaceId}
          candidates={candidates}
          onDone={() => {}}
        />
      </Stack>
    </Paper>
  );
}

export default function MeetingPage() {
  const { planId = '', workplaceId = '' } = useParams();
  const planQuery = usePlanQuery(planId);
  const meetingQuery = useWorkplaceMeetingQuery(planId, workplaceId);
  const noMeeting = meetingQuery.error instanceof ApiError && meetingQuery.error.status === 404;
  const runsIt = meetingQuery.data?.capacity === 'committee';
  const candidatesQuery = useMeetingCandidatesQuery(planId, workplaceId, noMeeting || runsIt);
  // An officer above the cell gets no candidates (403): the name comes from the workplace itself.
  const workplaceQuery = useMeetingWorkplaceQuery(workplaceId, noMeeting && candidatesQuery.isError);
  const workplaceName =
    meetingQuery.data?.workplaceName ??
    candidatesQuery.data?.workplaceName ??
    workplaceQuery.data?.name ??
    'Cơ quan, đơn vị';
  return (
    <Stack>
      <Breadcrumbs separatorMargin={6}>
        <Anchor component={Link} to={PATHS.plans}>
          Kế hoạch
        </Anchor>
        <Anchor component={Link} to={`${PATHS.plan(planId)}?tab=co-quan`}>
          {planQuery.data ? planNumberText(planQuery.data) : 'Kế hoạch'}
        </Anchor>
        <Text size="sm">{workplaceName}</Text>
      </Breadcrumbs>
      <Title order={2}>Buổi tự phê bình và phê bình trước quần chúng: {workplaceName}</Title>
      {meetingQuery.isPending ? (
        <Loading />
      ) : meetingQuery.data ? (
        <ScheduledMeeting meeting={meetingQuery.data} candidates={candidatesQuery.data} />
      ) : noMeeting ? (
        <Unscheduled
          planId={planId}
          workplaceId={workplaceId}
          candidates={candidatesQuery.data}
          candidatesError={candidatesQuery.error}
          workplaceName={workplaceQuery.data?.name}
        />
      ) : (
        <ErrorNotice error={meetingQuery.error} />
      )}
    </Stack>
  );
}
