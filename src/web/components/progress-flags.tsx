import { Badge, Group } from '@mantine/core';
import type { ProgressRow } from '../../contract/progress.js';

/** Red badges for what is overdue against each deadline, or not started at all. */
export function ProgressFlags({ row }: { row: ProgressRow }) {
  if (!row.lateMeetings && !row.lateBaseReport && !row.missing) return null;
  return (
    <Group gap={4} wrap="wrap">
      {row.missing && (
        <Badge color="red" variant="filled">
          Chưa triển khai
        </Badge>
      )}
      {row.lateMeetings && (
        <Badge color="red" variant="light">
          Chậm hạn họp
        </Badge>
      )}
      {row.lateBaseReport && (
        <Badge color="red" variant="light">
          Chậm hạn báo cáo
        </Badge>
      )}
    </Group>
  );
}
