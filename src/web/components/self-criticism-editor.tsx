import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import {
  SELF_CRITICISM_HEADINGS,
  type SelfCriticismTemplate,
} from '../../documents/self-criticism-template.js';
import {
  OPTIONAL_SECTIONS,
  SELF_CRITICISM_SECTIONS,
  type SelfCriticismSection as Section,
} from '../../domain/self-criticism.js';
import { ApiError, api, formatDateTime } from '../api.js';
import { type SaveStatus, useSelfCriticismAutosave } from './self-criticism-autosave.js';
import { SelfCriticismManifestations } from './self-criticism-manifestations.js';
import { SELF_CRITICISMS_KEY, selfCriticismKey, selfCriticismPath } from './self-criticism-queries.js';
import { SelfCriticismSection } from './self-criticism-section.js';
import { SelfCriticismHeading } from './self-criticism-text.js';
import { errorMessage } from './states.js';

const STRENGTHS = SELF_CRITICISM_SECTIONS.slice(0, 5);

function SaveStatusText({ status }: { status: SaveStatus }) {
  const [text, color] =
    status.kind === 'saved'
      ? [status.at ? `Đã lưu lúc ${formatDateTime(status.at).slice(11)}` : 'Chưa lưu lần nào', 'dimmed']
      : status.kind === 'saving'
        ? ['Đang lưu…', 'dimmed']
        : status.kind === 'pending'
          ? ['Có thay đổi chưa lưu…', 'dimmed']
          : status.kind === 'offline'
            ? ['Chưa lưu — mất kết nối, sẽ thử lại', 'red']
            : [`Chưa lưu: ${status.message}`, 'red'];
  return (
    <Text size="sm" c={color} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </Text>
  );
}

/** Submit refusals name sections as `body.content.<section>`: put each message under its section. */
function sectionErrors(error: unknown): Partial<Record<Section, string>> {
  if (!(error instanceof ApiError)) return {};
  const errors: Partial<Record<Section, string>> = {};
  for (const issue of error.issues) {
    const section = issue.path.match(/^body\.content\.(\w+)/)?.[1] as Section | undefined;
    if (section) errors[section] = issue.message;
  }
  return errors;
}

/** The member writes their report on the seed's form; it saves as they type and goes to the committee when done. */
export function SelfCriticismEditor({
  report,
  template,
}: {
  report: SelfCriticismDetail;
  template: SelfCriticismTemplate;
}) {
  const queryClient = useQueryClient();
  const { draft, setDraft, status, restoredAt, flush } = useSelfCriticismAutosave(report);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const errors = sectionErrors(submitError);
  const setSection = (section: Section, value: string) =>
    setDraft((current) => ({ ...current, content: { ...current.content, [section]: value } }));
  const field = (section: Section) => ({
    value: draft.content[section],
    onChange: (value: string) => setSection(section, value),
    guidance: template.guidance[section],
    optional: OPTIONAL_SECTIONS.includes(section),
    error: errors[section],
  });

  const submit = async () => {
    setSubmitError(null);
    try {
      const version = await flush();
      if (version === null)
        throw new ApiError(0, 'network', 'Chưa lưu được nội dung, chưa gửi được. Thử lại sau.');
      const submitted = await api.post<SelfCriticismDetail>(`${selfCriticismPath(report.id)}/submit`, {
        version,
      });
      queryClient.setQueryData(selfCriticismKey(report.id), submitted);
      await queryClient.invalidateQueries({ queryKey: SELF_CRITICISMS_KEY });
      notifications.show({ color: 'green', message: 'Đã gửi bản tự phê bình đến cấp ủy.' });
    } catch (error) {
      setSubmitError(error);
    }
  };
  const confirmSubmit = () =>
    modals.openConfirmModal({
      title: 'Gửi cấp ủy',
      children: (
        <Text size="sm">
          Gửi bản tự phê bình đến cấp ủy chi bộ? Sau khi gửi, bạn không sửa được nữa, trừ khi cấp ủy trả lại.
        </Text>
      ),
      labels: { confirm: 'Gửi cấp ủy', cancel: 'Hủy' },
      onConfirm: () => void submit(),
    });

  return (
    <Stack>
      {restoredAt && (
        <Alert color="blue" title="Đã khôi phục nội dung chưa lưu">
          Máy này còn giữ nội dung bạn viết lúc {formatDateTime(new Date(restoredAt).toISOString())} mà máy
          chủ chưa nhận. Nội dung đó đang hiện bên dưới và sẽ được lưu tự động.
        </Alert>
      )}
      {submitError !== null && (
        <Alert color="red" title="Chưa gửi được" role="alert">
          {submitError instanceof ApiError && submitError.issues.length > 0 ? (
            <List size="sm">
              {submitError.issues.map((issue) => (
                <List.Item key={issue.path}>{issue.message}</List.Item>
              ))}
            </List>
          ) : (
            errorMessage(submitError)
          )}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack>
          {report.header && (
            <SelfCriticismHeading
              header={report.header}
              template={template}
              withOffice={report.template === 'with_office'}
            />
          )}
          <Title order={4}>{SELF_CRITICISM_HEADINGS.strengths}</Title>
          {STRENGTHS.map((section) => (
            <SelfCriticismSection
              key={section}
              heading={template.headings[section as keyof SelfCriticismTemplate['headings']]}
              {...field(section)}
              before={
                section === 'remedying' && report.carriedOver ? (
                  <Alert color="gray" title="Khuyết điểm, hạn chế được góp ý năm trước và những việc đã hứa">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {report.carriedOver}
                    </Text>
                  </Alert>
                ) : undefined
              }
            />
          ))}
          <SelfCriticismSection
            part
            heading={SELF_CRITICISM_HEADINGS.shortcomings}
            {...field('shortcomings')}
          />
          <SelfCriticismSection part heading={SELF_CRITICISM_HEADINGS.remedies} {...field('remedies')} />
          {report.manifestations.length > 0 && (
            <SelfCriticismManifestations
              manifestations={report.manifestations}
              answer={draft.answer}
              onChange={(answer) => setDraft((current) => ({ ...current, answer }))}
            />
          )}
        </Stack>
      </Paper>
      <Group justify="space-between" wrap="wrap">
        <SaveStatusText status={status} />
        <Button onClick={confirmSubmit} disabled={!report.permissions.submit}>
          Gửi cấp ủy
        </Button>
      </Group>
    </Stack>
  );
}
