import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ProgressCountsView } from '../../contract/progress.js';
import { PROGRESS_COUNT_LABELS } from './progress-stages.js';

const SHOWN: (keyof ProgressCountsView)[] = [
  'required',
  'exempt',
  'scheduled',
  'held',
  'minutesSigned',
  'compiled',
  'reported',
];

/** The node's figures over its whole subtree, one card each. */
export function ProgressStats({ counts }: { counts: ProgressCountsView }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      {SHOWN.map((key) => (
        <Paper key={key} withBorder p="sm" data-testid={`stat-${key}`}>
          <Text size="xs" c="dimmed">
            {PROGRESS_COUNT_LABELS[key]}
          </Text>
          <Text fz={26} fw={700}>
            {counts[key]}
          </Text>
          {key !== 'required' && key !== 'exempt' && counts.required > 0 && (
            <Text size="xs" c="dimmed">
              {Math.round((counts[key] / counts.required) * 100)}% số phải tổ chức
            </Text>
          )}
        </Paper>
      ))}
    </SimpleGrid>
  );
}
