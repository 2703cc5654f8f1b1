import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MeetingDetail } from '../../contract/meetings.js';
import { MAX_CODES_PER_SHEET } from '../../domain/phone-codes.js';
import { api } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { Section } from './layout.js';
import { MEETINGS_KEY } from './meeting-queries.js';
import { downloadQrSheet, phoneKey, useIssuedCodesQuery, usePhoneMeetingQuery } from './phone-queries.js';
import { PhoneReleasedForms } from './phone-released-forms.js';
import { defaultWindowEnd, vietnamDateTime, windowEndOf } from './phone-window.js';
import { ErrorNotice, errorMessage, Loading } from './states.js';

const HELD_NOTICE = 'Phiếu ẩn danh chỉ hiện sau khi đóng cửa sổ nhận phiếu';

function QrSheetSection({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const issued = useIssuedCodesQuery(meeting.id);
  const [count, setCount] = useState<number | string>(Math.max(1, meeting.massesPresent));
  const [busy, setBusy] = useState<'pdf' | 'docx' | null>(null);
  const closed = meeting.formWindow.state === 'closed';

  async function print(format: 'pdf' | 'docx') {
    setBusy(format);
    try {
      await downloadQrSheet(meeting.id, Number(count), format);
      await queryClient.invalidateQueries({ queryKey: phoneKey(meeting.id) });
      notifications.show({
        color: 'green',
        title: 'Đã tạo tờ mã QR',
        message: `${count} mã mới. Hãy in ngay: mã chỉ có trong tệp vừa tải về, mất tờ thì cấp thêm mã mới.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Không tạo được tờ mã QR', message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Section title="Mã QR góp ý ẩn danh">
      <Text size="sm">
        {issued.data ? `Đã cấp ${issued.data.issued} mã cho buổi họp này.` : 'Đang đếm số mã đã cấp…'} Mỗi mã
        gửi được một phiếu cho mỗi đảng viên. Cắt tờ mã thành từng ô và phát ngẫu nhiên cho quần chúng dự họp.
      </Text>
      {!closed && (
        <Group align="flex-end" wrap="wrap">
          <NumberInput
            label="Số mã cần in"
            description="Đề xuất: số quần chúng có mặt"
            min={1}
            max={MAX_CODES_PER_SHEET}
            allowDecimal={false}
            value={count}
            onChange={setCount}
            w={200}
          />
          <Button
            onClick={() => print('pdf')}
            loading={busy === 'pdf'}
            disabled={!Number(count) || busy !== null}
          >
            In mã QR
          </Button>
          <Button
            variant="light"
            onClick={() => print('docx')}
            loading={busy === 'docx'}
            disabled={!Number(count) || busy !== null}
          >
            Tải tờ mã QR (DOCX)
          </Button>
        </Group>
      )}
    </Section>
  );
}

function WindowSection({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const proposed = defaultWindowEnd(meeting.endsAt);
  const [date, setDate] = useState(proposed.date);
  const [time, setTime] = useState(proposed.time);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state, endsAt, closedAt } = meeting.formWindow;

  const refresh = () => queryClient.invalidateQueries({ queryKey: MEETINGS_KEY });

  async function open() {
    const end = windowEndOf(date, time);
    if (!end.endsAt) {
      setError(end.error ?? null);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api.post(`/meetings/${meeting.id}/form-window/open`, { endsAt: end.endsAt });
      await refresh();
      notifications.show({ color: 'green', message: 'Đã mở nhận phiếu góp ý qua điện thoại.' });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function confirmClose() {
    modals.openConfirmModal({
      title: 'Đóng cửa sổ nhận phiếu',
      children: (
        <Text size="sm">
          Sau khi đóng, các mã không gửi được phiếu nữa và cửa sổ không mở lại được. Các phiếu ẩn danh sẽ hiện
          cho cấp ủy cùng một lúc, theo thứ tự ngẫu nhiên.
        </Text>
      ),
      labels: { confirm: 'Đóng cửa sổ nhận phiếu', cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await api.post(`/meetings/${meeting.id}/form-window/close`);
          await refresh();
        } catch (failure) {
          notifications.show({ color: 'red', title: 'Không đóng được', message: errorMessage(failure) });
        }
      },
    });
  }

  if (state === 'closed') {
    const at = closedAt ?? endsAt;
    return (
      <Section title="Cửa sổ nhận phiếu">
        <Text size="sm">
          Đã đóng{at ? ` lúc ${vietnamDateTime(at)}` : ''}. Phiếu ẩn danh được công bố bên dưới.
        </Text>
      </Section>
    );
  }
  return (
    <Section
      title="Cửa sổ nhận phiếu"
      actions={
        state === 'open' && (
          <Button color="red" variant="light" onClick={confirmClose}>
            Đóng cửa sổ nhận phiếu
          </Button>
        )
      }
    >
      <Text size="sm">
        {state === 'open' && endsAt
          ? `Đang nhận phiếu, tự đóng lúc ${vietnamDateTime(endsAt)}.`
          : 'Chưa mở: các mã chưa dùng được. Mở khi buổi họp bắt đầu phần góp ý.'}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <DateTextInput
          label="Ngày đóng (dd/mm/yyyy)"
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          w={170}
        />
        <TextInput
          label="Giờ đóng (hh:mm)"
          value={time}
          onChange={(event) => setTime(event.currentTarget.value)}
          w={150}
        />
        <Button onClick={open} loading={busy} variant={state === 'open' ? 'default' : 'filled'}>
          {state === 'open' ? 'Đổi giờ đóng' : 'Mở nhận phiếu'}
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Section>
  );
}

/** The committee's tab for anonymous phone forms: QR codes, the form window, then the released forms. */
export function PhoneFormsPanel({ meetingId }: { meetingId: string }) {
  const query = usePhoneMeetingQuery(meetingId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const meeting = query.data;
  if (meeting.capacity !== 'committee') {
    return <Alert color="gray">Chỉ cấp ủy cấp mã QR, mở và đóng cửa sổ nhận phiếu góp ý ẩn danh.</Alert>;
  }
  const closed = meeting.formWindow.state === 'closed';
  return (
    <Stack>
      {!closed && (
        <Alert color="blue" title={HELD_NOTICE}>
          Khi cửa sổ đang mở, cấp ủy không xem được phiếu và cũng không thấy số phiếu đã gửi, để không ai đoán
          được người gửi.
        </Alert>
      )}
      <QrSheetSection meeting={meeting} />
      <WindowSection meeting={meeting} />
      {closed && (
        <Section title="Phiếu góp ý ẩn danh">
          <PhoneReleasedForms meetingId={meetingId} />
        </Section>
      )}
    </Stack>
  );
}
