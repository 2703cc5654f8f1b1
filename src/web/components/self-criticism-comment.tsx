import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { SECTION_MAX_LENGTH } from '../../domain/self-criticism.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { Section } from './layout.js';
import { useReportWrite } from './self-criticism-queries.js';

/** Seed: the form for a member with office ends with NHẬN XÉT CỦA CẤP ỦY, written before acceptance. */
export function SelfCriticismComment({ report }: { report: SelfCriticismDetail }) {
  const [comment, setComment] = useState(report.committeeComment ?? '');
  const mutation = useReportWrite<{ version: number; comment: string }>(
    report,
    'put',
    '/committee-comment',
    () => notifications.show({ color: 'green', message: 'Đã lưu nhận xét của cấp ủy.' }),
  );
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, ['comment']);
  return (
    <Section title="Nhận xét của cấp ủy">
      <Stack>
        {message && (
          <Alert color="red" role="alert">
            {message}
          </Alert>
        )}
        <Textarea
          aria-label="Nhận xét của cấp ủy"
          autosize
          minRows={3}
          maxLength={SECTION_MAX_LENGTH}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={errors.comment}
        />
        <Group justify="flex-end">
          <Button
            loading={mutation.isPending}
            disabled={comment === (report.committeeComment ?? '')}
            onClick={() => mutation.mutate({ version: report.version, comment })}
          >
            Lưu nhận xét
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
