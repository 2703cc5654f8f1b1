import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api, downloadPost } from '../api.js';
import { Section } from './layout.js';
import type { PickedOrganization } from './organization-picker.js';
import { errorMessage } from './states.js';

interface BulkPreview {
  rule: string;
  total: number;
  max: number;
  byOrganization: { organizationName: string; members: number; others: number }[];
}

/** Issue 16: accounts in bulk for a subtree, with the one-time passwords as a sheet per cell. */
export function BulkAccounts({ organization }: { organization: PickedOrganization }) {
  const [includeOfficeHolders, setIncludeOfficeHolders] = useState(true);
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const body = { includeOfficeHolders };
  const check = async () => {
    setMessage(null);
    try {
      setPreview(
        await api.post<BulkPreview>(`/organizations/${organization.id}/bulk-accounts/preview`, body),
      );
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };
  const issue = async (format: 'pdf' | 'docx') => {
    setBusy(true);
    setMessage(null);
    try {
      const headers = await downloadPost(
        `/organizations/${organization.id}/bulk-accounts?format=${format}`,
        body,
        `Tài khoản ${organization.name}.${format}`,
      );
      const count = Number(headers.get('x-accounts-created') ?? '0');
      setMessage({
        ok: true,
        text: `Đã cấp ${count} tài khoản; danh sách mật khẩu đã được tải về (chỉ có trong tệp này).`,
      });
      setPreview(null);
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Cấp tài khoản hàng loạt">
      <Text size="sm">
        Mọi đảng viên đang làm việc chưa có tài khoản (và quần chúng được chọn) trong {organization.name} được
        cấp tài khoản với mật khẩu dùng một lần, in thành danh sách theo từng chi bộ để cấp ủy phát tận tay.
        Mỗi người phải đổi mật khẩu ở lần đăng nhập đầu; người làm mất thì cấp lại ở trang Tài khoản.
      </Text>
      <Checkbox
        label="Kèm quần chúng giữ chức vụ chính quyền (thủ trưởng chủ trì hội nghị)"
        checked={includeOfficeHolders}
        onChange={(event) => setIncludeOfficeHolders(event.currentTarget.checked)}
      />
      <Group>
        <Button variant="default" onClick={check}>
          Xem ai sẽ được cấp
        </Button>
        <Button onClick={() => issue('pdf')} loading={busy} disabled={!preview || preview.total === 0}>
          Cấp và tải danh sách (PDF)
        </Button>
        <Button
          variant="light"
          onClick={() => issue('docx')}
          loading={busy}
          disabled={!preview || preview.total === 0}
        >
          Cấp và tải danh sách (DOCX)
        </Button>
      </Group>
      {preview && (
        <Stack gap={4}>
          <Text size="sm">{preview.rule}</Text>
          <Text size="sm" fw={600}>
            {preview.total.toLocaleString('vi-VN')} người sẽ được cấp tài khoản
            {preview.total > preview.max
              ? ` — quá ${preview.max} cho một lần, hãy cấp theo từng tổ chức trực thuộc`
              : ''}
            .
          </Text>
          {preview.byOrganization.map((entry) => (
            <Text size="sm" key={entry.organizationName}>
              {entry.organizationName}: {entry.members} đảng viên, {entry.others} quần chúng
            </Text>
          ))}
        </Stack>
      )}
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
    </Section>
  );
}
