import { Alert, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { anonymitySettings } from '../../contract/settings.js';
import { SMALL_GROUP_THRESHOLD_LIMITS } from '../../domain/anonymity.js';
import { ApiError, api } from '../api.js';
import { ErrorNotice, errorMessage, Loading } from './states.js';

type AnonymitySettings = z.infer<typeof anonymitySettings>;

const KEY = ['settings', 'anonymity'] as const;
const { min, max } = SMALL_GROUP_THRESHOLD_LIMITS;

function ThresholdForm({ settings }: { settings: AnonymitySettings }) {
  const [threshold, setThreshold] = useState<number | string>(settings.smallGroupThreshold);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      api.put<AnonymitySettings>('/settings/anonymity', {
        version: settings.version,
        smallGroupThreshold: Number(threshold),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(KEY, saved);
      notifications.show({ color: 'green', message: 'Đã lưu ngưỡng nhóm nhỏ.' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        await queryClient.invalidateQueries({ queryKey: KEY });
        notifications.show({ color: 'yellow', message: 'Dữ liệu đã bị người khác thay đổi, đã tải lại.' });
      }
    },
  });
  const problem =
    typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < min || threshold > max
      ? `Ngưỡng phải là số nguyên từ ${min} đến ${max}.`
      : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) save.mutate();
  };
  const readOnly = !settings.canEdit;
  return (
    <form onSubmit={submit} noValidate aria-label="Ngưỡng nhóm nhỏ">
      <Stack>
        {readOnly && (
          <Text size="sm" c="dimmed">
            Chỉ quản trị viên ở tổ chức cấp cao nhất mới sửa được ngưỡng này.
          </Text>
        )}
        {save.isError && !(save.error instanceof ApiError && save.error.code === 'stale_version') && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <NumberInput
          label="Ngưỡng nhóm nhỏ (số phiếu ẩn danh)"
          description={`Mặc định 3. Đặt 1 để luôn hiện từng phiếu.`}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          value={threshold}
          onChange={setThreshold}
          error={problem}
          readOnly={readOnly}
          maw={280}
        />
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Lưu ngưỡng nhóm nhỏ
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The settings page's section for S6's small groups of anonymous written opinions. */
export function AnonymitySettingsSection() {
  const settings = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<AnonymitySettings>('/settings/anonymity'),
  });
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={4}>Bảo vệ người góp ý ẩn danh</Title>
        <Text size="sm">
          Khi về một đảng viên có ít phiếu góp ý ẩn danh bằng văn bản (phiếu qua điện thoại và phiếu giấy
          không ghi tên) hơn ngưỡng này, cấp ủy chỉ thấy các ý kiến gộp thành một danh sách, không chia theo
          phiếu hay hình thức gửi, để không ai đoán được người góp ý. Biên bản và bản tổng hợp vẫn ghi đủ các
          ý kiến.
        </Text>
        {settings.isPending ? (
          <Loading />
        ) : settings.isError ? (
          <ErrorNotice error={settings.error} />
        ) : (
          <ThresholdForm key={settings.data.version} settings={settings.data} />
        )}
      </Stack>
    </Paper>
  );
}
