import { Stack, Text, Textarea, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { SECTION_MAX_LENGTH } from '../../domain/self-criticism.js';
import { Guidance, SeedText } from './self-criticism-text.js';

/** The seed asks for short, concrete text: past this, the member is nudged (the server refuses at the maximum). */
const LONG_SECTION = 1500;

function SectionHint({ value, optional, error }: { value: string; optional: boolean; error?: string }) {
  const length = value.trim().length;
  if (error)
    return (
      <Text size="sm" c="red">
        {error}
      </Text>
    );
  if (length === 0)
    return (
      <Text size="sm" c={optional ? 'dimmed' : 'orange'}>
        {optional ? 'Chưa viết (nếu có)' : 'Chưa viết'}
      </Text>
    );
  if (length > LONG_SECTION)
    return (
      <Text size="sm" c="orange">
        Nên viết ngắn gọn, cụ thể ({length} ký tự)
      </Text>
    );
  return null;
}

/** One heading of the form: the seed's guidance under it, the member's text, and a hint when empty or long. */
export function SelfCriticismSection({
  heading,
  guidance,
  value,
  onChange,
  optional = false,
  error,
  before,
  part = false,
}: {
  heading: string;
  guidance: string[];
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
  error?: string;
  before?: ReactNode;
  /** A part of the form (II, III) rather than an item of part I. */
  part?: boolean;
}) {
  return (
    <Stack gap={6}>
      {part ? (
        <Title order={4}>
          <SeedText text={heading} />
        </Title>
      ) : (
        <Text fw={600}>
          <SeedText text={heading} />
        </Text>
      )}
      <Guidance lines={guidance} />
      {before}
      <Textarea
        aria-label={heading.replaceAll('*', '')}
        autosize
        minRows={3}
        maxLength={SECTION_MAX_LENGTH}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={Boolean(error)}
      />
      <SectionHint value={value} optional={optional} error={error} />
    </Stack>
  );
}
