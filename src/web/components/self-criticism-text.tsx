import { Stack, Text } from '@mantine/core';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { SELF_CRITICISM_KIND, type SelfCriticismTemplate } from '../../documents/self-criticism-template.js';
import { formatDate } from '../api.js';

/** The seed marks italics with `*…*` inside the guidance; show them as italics, not stars. */
export function SeedText({ text }: { text: string }) {
  const parts = text.split('*');
  return (
    <>
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed sentence never move
        index % 2 === 1 ? <em key={index}>{part}</em> : <span key={index}>{part}</span>,
      )}
    </>
  );
}

export function Guidance({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="sm" c="dimmed">
          <SeedText text={line} />
        </Text>
      ))}
    </Stack>
  );
}

type Header = NonNullable<SelfCriticismDetail['header']>;

function HeaderLine({ label, value }: { label: string; value: string | null }) {
  return (
    <Text size="sm">
      {label}: <strong>{value || '…'}</strong>
    </Text>
  );
}

/** The form's title block and header lines, in the order of the member's template. */
export function SelfCriticismHeading({
  header,
  template,
  withOffice,
}: {
  header: Header;
  template: SelfCriticismTemplate;
  withOffice: boolean;
}) {
  return (
    <Stack gap={4}>
      <Stack gap={0} align="center">
        <Text fw={700} size="lg">
          {SELF_CRITICISM_KIND}
        </Text>
        <Text size="sm">{template.subject}</Text>
        <Text size="sm" fs="italic">
          {template.note}
        </Text>
      </Stack>
      <HeaderLine label="Họ và tên" value={header.fullName} />
      <HeaderLine label="Sinh ngày" value={formatDate(header.birthDate)} />
      {withOffice && <HeaderLine label="Chức vụ Đảng" value={header.partyOffice} />}
      {withOffice && <HeaderLine label="Chức vụ chính quyền" value={header.governmentOffice} />}
      <HeaderLine label="Đơn vị công tác" value={header.workplaceName} />
      <HeaderLine label="Sinh hoạt tại chi bộ" value={header.cellName} />
      {!withOffice && <HeaderLine label="Nhiệm vụ được phân công" value={header.assignedDuty} />}
      <Text size="sm" mt="xs">
        {template.preamble}
      </Text>
    </Stack>
  );
}
