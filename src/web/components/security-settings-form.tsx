import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SecuritySettingsView } from '../../contract/settings.js';
import { ApiError, api } from '../api.js';
import { errorMessage } from './states.js';

export const SECURITY_SETTINGS_KEY = ['settings', 'security'] as const;

/** Issue 13: two-factor sign-in required of officers, and how long a non-member's data is kept. */
export function SecuritySettingsForm({ settings }: { settings: SecuritySettingsView }) {
  const [required, setRequired] = useState(settings.requireSecondFactorForOfficers);
  const [months, setMonths] = useState<number | string>(settings.nonMemberRetentionMonths);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api.put<SecuritySettingsView>('/settings/security', {
        version: settings.version,
        requireSecondFactorForOfficers: required,
        nonMemberRetentionMonths: Number(months),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SECURITY_SETTINGS_KEY, saved);
      notifications.show({ color: 'green', message: 'Đã lưu cài đặt bảo mật.' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        await queryClient.invalidateQueries({ queryKey: SECURITY_SETTINGS_KEY });
      }
    },
  });
  const monthsProblem =
    typeof months !== 'number' || !Number.isInteger(months) || months < 1 || months > 600
      ? 'Thời hạn là số tháng nguyên, từ 1 đến 600.'
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!monthsProblem) save.mutate();
  };
  const readOnly = !settings.canEdit;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {readOnly && (
          <Alert color="yellow" title="Không có quyền sửa">
            Cài đặt này áp dụng cho cả hệ thống: chỉ quản trị viên ở tổ chức cấp cao nhất mới sửa được.
          </Alert>
        )}
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Checkbox
          label="Bắt buộc quản trị viên và Ban Tổ chức đăng nhập bằng xác thực hai lớp"
          description="Người có các vai trò này phải bật xác thực hai lớp (mã 6 chữ số trên điện thoại) trước khi dùng hệ thống."
          checked={required}
          onChange={(event) => setRequired(event.currentTarget.checked)}
          disabled={readOnly}
        />
        <NumberInput
          label="Thời hạn lưu giữ dữ liệu cá nhân của quần chúng (tháng)"
          description="Tính từ lần tham gia gần nhất; hết thời hạn, quản trị viên được xóa dữ liệu cá nhân của người đó."
          min={1}
          max={600}
          allowDecimal={false}
          allowNegative={false}
          value={months}
          onChange={setMonths}
          error={monthsProblem}
          readOnly={readOnly}
          maw={360}
        />
        <Text size="sm" c="dimmed">
          Dữ liệu của đảng viên (bản tự phê bình, ý kiến góp ý, kết quả khắc phục) là hồ sơ của tổ chức đảng,
          không xóa theo thời hạn này.
        </Text>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Lưu cài đặt bảo mật
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
