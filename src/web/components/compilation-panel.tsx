import { Alert, Badge, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { CompilationPointView, CompilationView } from '../../contract/compilations.js';
import { FEEDBACK_AREA_LABELS } from '../../domain/feedback.js';
import { api, formatDateTime } from '../api.js';
import { CompilationPoint } from './compilation-point.js';
import { useCompilationQuery, useCompilationWrite } from './compilation-queries.js';
import { Section } from './layout.js';
import { EmptyState, ErrorNotice, errorMessage, Loading } from './states.js';

function Downloads({ meetingId }: { meetingId: string }) {
  return (
    <Group gap="xs">
      <Button
        variant="default"
        component="a"
        href={`/api/v1/meetings/${meetingId}/compilation.docx`}
        download
      >
        Tải báo cáo tổng hợp (DOCX)
      </Button>
      <Button variant="default" component="a" href={`/api/v1/meetings/${meetingId}/compilation.pdf`} download>
        Tải báo cáo tổng hợp (PDF)
      </Button>
    </Group>
  );
}

function CreateCompilation({ meetingId, view }: { meetingId: string; view: CompilationView }) {
  const create = useCompilationWrite(meetingId, () =>
    api.post<CompilationView>(`/meetings/${meetingId}/compilation`),
  );
  if (!view.contentVisible) return <EmptyState>Chi ủy chưa lập bản tổng hợp ý kiến.</EmptyState>;
  return (
    <Stack gap="sm">
      <Text>
        Mọi ý kiến của buổi họp — phát biểu, phiếu giấy, góp ý ghi tên và phiếu qua điện thoại — được đưa vào
        bản tổng hợp theo từng đảng viên (và tập thể chi bộ) và từng lĩnh vực. Các ý kiến gần giống nhau được
        gợi ý gộp thành một điểm; mọi ý kiến gốc vẫn đọc được dưới điểm đó.
      </Text>
      {view.createBlockedReason && <Alert color="yellow">{view.createBlockedReason}</Alert>}
      {create.error && (
        <Alert color="red" role="alert">
          {errorMessage(create.error)}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => create.mutate(undefined)}
          loading={create.isPending}
          disabled={view.createBlockedReason !== null}
        >
          Lập bản tổng hợp ý kiến
        </Button>
      </Group>
    </Stack>
  );
}

function Unplaced({ meetingId, view }: { meetingId: string; view: CompilationView }) {
  const sync = useCompilationWrite(meetingId, () =>
    api.post<CompilationView>(`/meetings/${meetingId}/compilation/sync`),
  );
  if (view.unplaced.length === 0) return null;
  return (
    <Alert
      color="yellow"
      title={`${view.unplaced.length} ý kiến ghi nhận sau khi lập dự thảo chưa được đưa vào`}
    >
      <Stack gap="xs">
        {view.unplaced.map((opinion) => (
          <Text size="sm" key={opinion.feedbackId}>
            – {opinion.text}
          </Text>
        ))}
        {sync.error && <Text c="red">{errorMessage(sync.error)}</Text>}
        {view.canEdit && (
          <Group>
            <Button size="xs" onClick={() => sync.mutate(undefined)} loading={sync.isPending}>
              Đưa vào bản tổng hợp
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

function Finalize({ meetingId, view }: { meetingId: string; view: CompilationView }) {
  const [confirming, setConfirming] = useState(false);
  const [number, setNumber] = useState('');
  const finalize = useCompilationWrite(meetingId, () =>
    api.post<CompilationView>(`/meetings/${meetingId}/compilation/finalize`, {
      version: view.version,
      number,
    }),
  );
  return (
    <>
      <Group justify="space-between">
        <Text size="sm">
          {view.pointsIncomplete > 0
            ? `Còn ${view.pointsIncomplete}/${view.pointsTotal} điểm chưa phân loại trách nhiệm hoặc chưa có kết luận.`
            : `Cả ${view.pointsTotal} điểm đã được phân loại và kết luận.`}
        </Text>
        <Button color="green" onClick={() => setConfirming(true)}>
          Chốt bản tổng hợp
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Chốt bản tổng hợp ý kiến">
        <Stack>
          <Text>
            Sau khi chốt, bản tổng hợp không sửa, gộp hay tách được nữa; mỗi đảng viên xem được các điểm về
            mình và cơ quan, đơn vị chuyển sang "Đã tổng hợp ý kiến".
          </Text>
          <TextInput
            label="Số báo cáo tổng hợp"
            description="Số trong sổ văn bản của chi bộ, in ở dòng Số …-BC/…; để trống thì in dấu chấm để ghi tay."
            placeholder="05"
            maw={360}
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
          />
          {finalize.error && (
            <Alert color="red" role="alert">
              {errorMessage(finalize.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Hủy
            </Button>
            <Button
              color="green"
              loading={finalize.isPending}
              onClick={() => finalize.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              Xác nhận chốt
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function Targets({ meetingId, view }: { meetingId: string; view: CompilationView }) {
  const all = view.targets.flatMap((target) => target.areas.flatMap((group) => group.points));
  const siblingsOf = (point: CompilationPointView) =>
    all.filter(
      (other) =>
        other.id !== point.id && other.selfCriticismId === point.selfCriticismId && other.kind === point.kind,
    );
  if (view.targets.length === 0) return <EmptyState>Buổi họp không có ý kiến đóng góp nào.</EmptyState>;
  return (
    <Stack gap="lg">
      {view.targets.map((target) => (
        <section key={target.selfCriticismId ?? 'tap-the'} aria-label={target.name}>
          <Stack gap="sm">
            <Title order={4}>{target.selfCriticismId ? `Đồng chí ${target.name}` : target.name}</Title>
            {target.areas.map((group) => (
              <Stack key={group.area} gap="xs">
                <Title order={5}>{FEEDBACK_AREA_LABELS[group.area]}</Title>
                {group.points.map((point) => (
                  <CompilationPoint
                    key={point.id}
                    meetingId={meetingId}
                    point={point}
                    view={view}
                    siblings={siblingsOf(point)}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

/** The meeting page's "Tổng hợp ý kiến" tab. */
export function CompilationPanel({ meetingId }: { meetingId: string }) {
  const query = useCompilationQuery(meetingId);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorNotice error={query.error} />;
  const view = query.data;
  const status =
    view.status === 'final' ? (
      <Badge color="green" size="lg">
        Đã chốt{view.finalizedAt ? ` lúc ${formatDateTime(view.finalizedAt)}` : ''}
        {view.number ? ` — số ${view.number}` : ''}
      </Badge>
    ) : view.status === 'draft' ? (
      <Badge color="gray" size="lg">
        Dự thảo
      </Badge>
    ) : null;
  return (
    <Section
      title="Tổng hợp ý kiến"
      actions={view.id && view.contentVisible ? <Downloads meetingId={meetingId} /> : undefined}
    >
      {status && <Group>{status}</Group>}
      {!view.id ? (
        <CreateCompilation meetingId={meetingId} view={view} />
      ) : view.contentVisible ? (
        <Stack gap="md">
          <Unplaced meetingId={meetingId} view={view} />
          {view.canEdit && <Finalize meetingId={meetingId} view={view} />}
          <Targets meetingId={meetingId} view={view} />
        </Stack>
      ) : null}
    </Section>
  );
}
