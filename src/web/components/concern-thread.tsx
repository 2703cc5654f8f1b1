import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ConcernDetail } from '../../contract/concerns.js';
import { formatDateTime } from '../api.js';

const SIDE_LABELS = { raiser: 'Đơn vị nêu', issuer: 'Cấp ủy trả lời' } as const;

/** The messages of a concern in order, the raising side on the left and the issuer's answers on the right. */
export function ConcernThread({ concern }: { concern: ConcernDetail }) {
  return (
    <Stack gap="sm">
      {concern.messages.map((message) => {
        const issuer = message.side === 'issuer';
        return (
          <Paper
            key={message.id}
            withBorder
            p="sm"
            ml={issuer ? { base: 0, sm: 'xl' } : 0}
            mr={issuer ? 0 : { base: 0, sm: 'xl' }}
            bg={issuer ? 'blue.0' : undefined}
            data-testid="concern-message"
          >
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Badge color={issuer ? 'blue' : 'orange'} variant="light">
                  {SIDE_LABELS[message.side]}
                </Badge>
                <Text size="sm" fw={600}>
                  {message.authorName ??
                    (issuer ? concern.issuerOrganizationName : concern.raisedByOrganizationName)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(message.at)}
                </Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {message.body}
              </Text>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
