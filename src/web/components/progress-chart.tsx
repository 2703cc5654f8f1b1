import { Group, Progress, Text, Tooltip } from '@mantine/core';
import type { ProgressCountsView } from '../../contract/progress.js';
import { progressStages } from './progress-stages.js';

/** One horizontal bar: the workplaces of a subtree split by the furthest step each reached. */
export function ProgressBar({ counts }: { counts: ProgressCountsView }) {
  const total = counts.workplaces || 1;
  const stages = progressStages(counts).filter((stage) => stage.value > 0);
  const summary = stages.map((stage) => `${stage.label}: ${stage.value}`).join('; ');
  return (
    <Progress.Root size="lg" role="group" aria-label={summary || 'Chưa có cơ quan, đơn vị'} miw={120}>
      {stages.map((stage) => (
        <Tooltip key={stage.key} label={`${stage.label}: ${stage.value}`} withinPortal>
          <Progress.Section
            value={(stage.value / total) * 100}
            color={stage.color}
            aria-label={`${stage.label}: ${stage.value}`}
          />
        </Tooltip>
      ))}
    </Progress.Root>
  );
}

export function ProgressLegend() {
  const stages = progressStages({
    workplaces: 0,
    required: 0,
    exempt: 0,
    scheduled: 0,
    held: 0,
    minutesSigned: 0,
    compiled: 0,
    reported: 0,
  });
  return (
    <Group gap="sm" wrap="wrap">
      {stages.map((stage) => (
        <Group key={stage.key} gap={4} wrap="nowrap">
          <Progress value={100} color={stage.color} w={14} size="md" aria-hidden />
          <Text size="xs">{stage.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
