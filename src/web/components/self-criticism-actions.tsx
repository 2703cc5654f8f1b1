import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { SelfCriticismDetail } from '../../contract/self-criticisms.js';
import { SelfCriticismHeaderModal } from './self-criticism-header-modal.js';
import { selfCriticismPath, useReportWrite } from './self-criticism-queries.js';
import { SelfCriticismReturnModal } from './self-criticism-return-modal.js';
import { SelfCriticismSummaryModal } from './self-criticism-summary-modal.js';
import { errorMessage } from './states.js';

type OpenModal = 'return' | 'summary' | 'header' | null;

/** The committee's buttons on a report, each shown only when the server allows it now; and the downloads. */
export function SelfCriticismActions({ report }: { report: SelfCriticismDetail }) {
  const [open, setOpen] = useState<OpenModal>(null);
  // Issue 11: the masses hear the committee's summary, not the report; accepting leads straight to it.
  const accept = useReportWrite<{ version: number }>(report, 'post', '/accept', () => {
    notifications.show({
      color: 'green',
      message: report.summary
        ? 'Đã thông qua bản tự phê bình.'
        : 'Đã thông qua bản tự phê bình. Hãy ghi bản tóm tắt: chưa có bản tóm tắt thì quần chúng không xem được gì về đồng chí này.',
      autoClose: 10_000,
    });
    if (!report.summary) setOpen('summary');
  });
  const confirmAccept = () =>
    modals.openConfirmModal({
      title: 'Thông qua bản tự phê bình',
      children: (
        <Text size="sm">
          Thông qua bản tự phê bình của {report.fullName}? Sau khi thông qua, đảng viên không sửa được nữa.{' '}
          {report.summary
            ? 'Bản tóm tắt của cấp ủy đã có.'
            : 'Tiếp theo, cấp ủy ghi bản tóm tắt (nhiệm vụ, ưu điểm, khuyết điểm chính) để đọc trước quần chúng; chưa ghi thì quần chúng không xem được bản tóm tắt nào.'}
        </Text>
      ),
      labels: { confirm: 'Chấp nhận', cancel: 'Hủy' },
      onConfirm: () =>
        accept.mutate(
          { version: report.version },
          {
            onError: (error) =>
              notifications.show({
                color: 'red',
                title: 'Chưa thông qua được',
                message: errorMessage(error),
                autoClose: 10_000,
              }),
          },
        ),
    });
  const permissions = report.permissions;
  const document = `/api/v1${selfCriticismPath(report.id)}/document`;
  return (
    <Group gap="xs" wrap="wrap">
      {permissions.return && (
        <Button variant="light" color="orange" onClick={() => setOpen('return')}>
          Trả lại
        </Button>
      )}
      {permissions.accept && (
        <Button onClick={confirmAccept} loading={accept.isPending}>
          Chấp nhận
        </Button>
      )}
      {permissions.summarize && (
        <Button variant="light" onClick={() => setOpen('summary')}>
          Tóm tắt
        </Button>
      )}
      {permissions.editHeader && (
        <Button variant="light" onClick={() => setOpen('header')}>
          Sửa thông tin đầu bản
        </Button>
      )}
      {report.contentVisible && (
        <>
          <Button variant="default" component="a" href={`${document}.docx`} download>
            Tải DOCX
          </Button>
          <Button variant="default" component="a" href={`${document}.pdf`} download>
            Tải PDF
          </Button>
        </>
      )}
      {open === 'return' && <SelfCriticismReturnModal report={report} onClose={() => setOpen(null)} />}
      {open === 'summary' && <SelfCriticismSummaryModal report={report} onClose={() => setOpen(null)} />}
      {open === 'header' && <SelfCriticismHeaderModal report={report} onClose={() => setOpen(null)} />}
    </Group>
  );
}
