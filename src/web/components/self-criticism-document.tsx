import { Paper, Stack, Text, Title } from '@mantine/core';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import {
  SELF_CRITICISM_HEADINGS,
  type SelfCriticismTemplate,
} from '../../documents/self-criticism-template.js';
import { SELF_CRITICISM_SECTIONS } from '../../domain/self-criticism.js';
import { SeedText, SelfCriticismHeading } from './self-criticism-text.js';

const STRENGTHS = SELF_CRITICISM_SECTIONS.slice(0, 5);

function Written({ text }: { text: string }) {
  return text.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      (chưa viết)
    </Text>
  );
}

function ManifestationStatement({ report }: { report: SelfCriticismDetail }) {
  const answer = report.manifestationAnswer;
  if (!answer || (!answer.none && answer.items.length === 0))
    return (
      <Text size="sm" c="dimmed">
        Chưa nêu đối chiếu với danh mục biểu hiện suy thoái.
      </Text>
    );
  if (answer.none) return <Text size="sm">Không có biểu hiện nào trong danh mục biểu hiện suy thoái.</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">Có các biểu hiện:</Text>
      {answer.items.map((item) => (
        <Text size="sm" key={item.number}>
          {item.number}. {report.manifestations[item.number - 1] ?? ''}
          {item.remark ? ` — ${item.remark}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** The report laid out as the seed's form prints it, for reading (the committee, or the member after submitting). */
export function SelfCriticismDocument({
  report,
  template,
}: {
  report: SelfCriticismDetail;
  template: SelfCriticismTemplate;
}) {
  const content = report.content;
  if (!report.header || !content) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <SelfCriticismHeading
          header={report.header}
          template={template}
          withOffice={report.template === 'with_office'}
        />
        <Title order={4}>{SELF_CRITICISM_HEADINGS.strengths}</Title>
        {STRENGTHS.map((section) => (
          <Stack gap={2} key={section}>
            <Text fw={600} size="sm">
              {template.headings[section as keyof SelfCriticismTemplate['headings']]}
            </Text>
            {section === 'remedying' && report.carriedOver && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                Năm trước: {report.carriedOver}
              </Text>
            )}
            <Written text={content[section]} />
          </Stack>
        ))}
        <Title order={4}>{SELF_CRITICISM_HEADINGS.shortcomings}</Title>
        <Written text={content.shortcomings} />
        <Title order={4}>
          <SeedText text={SELF_CRITICISM_HEADINGS.remedies} />
        </Title>
        <Written text={content.remedies} />
        <Title order={5}>Đối chiếu danh mục biểu hiện suy thoái</Title>
        <ManifestationStatement report={report} />
        {report.template === 'with_office' && (
          <>
            <Title order={4}>{SELF_CRITICISM_HEADINGS.committeeComment}</Title>
            <Written text={report.committeeComment ?? ''} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
