import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { EligibilityView } from '../../contract/workplaces.js';

/** Seed II.1 verdict, worded the same everywhere it is shown. */
export function eligibilityVerdict(eligibility: EligibilityView): string {
  return eligibility.required ? 'Phải tổ chức họp' : 'Không phải tổ chức họp';
}

export function EligibilityBadge({ eligibility }: { eligibility: EligibilityView }) {
  return (
    <Badge color={eligibility.required ? 'red' : 'gray'} variant={eligibility.required ? 'filled' : 'light'}>
      {eligibilityVerdict(eligibility)}
    </Badge>
  );
}

export function EligibilityPanel({ eligibility }: { eligibility: EligibilityView }) {
  return (
    <Paper withBorder p="md" data-testid="eligibility" aria-labelledby="eligibility-title">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4} id="eligibility-title">
            Họp tự phê bình trước quần chúng
          </Title>
          <EligibilityBadge eligibility={eligibility} />
        </Group>
        <Text fw={600}>Số quần chúng được tính: {eligibility.countedMasses}</Text>
        <Text size="sm">Tổng số quần chúng: {eligibility.allMasses}</Text>
        <Text size="sm" c="dimmed">
          Từ {eligibility.threshold} quần chúng được tính trở lên thì phải tổ chức họp; ít hơn thì không phải
          tổ chức họp. Đảng viên và lao động không thuộc loại được tính thì không tính.
        </Text>
      </Stack>
    </Paper>
  );
}
