import {
  Alert,
  Blockquote,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { eligibilitySettings, SecuritySettingsView } from '../../contract/settings.js';
import { EMPLOYMENT_TYPE_LABELS, EMPLOYMENT_TYPES, type EmploymentType } from '../../domain/employment.js';
import { ApiError, api } from '../api.js';
import { AnonymitySettingsSection } from '../components/anonymity-settings.js';
import { SECURITY_SETTINGS_KEY, SecuritySettingsForm } from '../components/security-settings-form.js';
import { ErrorNotice, errorMessage, Loading } from '../components/states.js';

type EligibilitySettings = z.infer<typeof eligibilitySettings>;

const SETTINGS_KEY = ['settings', 'eligibility'] as const;
const STALE_MESSAGE = 'Dữ liệu đã bị người khác thay đổi, đã tải lại.';
const ROOT_ONLY =
  'Quy tắc này áp dụng cho cả hệ thống: chỉ quản trị viên ở tổ chức cấp cao nhất mới sửa được.';

function EligibilityForm({ settings }: { settings: EligibilitySettings }) {
  const [threshold, setThreshold] = useState<number | string>(settings.threshold);
  const [counted, setCounted] = useState<string[]>(settings.countedEmploymentTypes);
  const queryClient = useQueryClient();

  const save = useMutation({
    mutationFn: () =>
      api.put<EligibilitySettings>('/settings/eligibility', {
        version: settings.version,
        threshold: Number(threshold),
        countedEmploymentTypes: counted as EmploymentType[],
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_KEY, saved);
      notifications.show({ color: 'green', message: 'Đã lưu quy tắc tổ chức họp.' });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.code === 'stale_version') {
        await queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
        notifications.show({ color: 'yellow', message: STALE_MESSAGE });
      }
    },
  });

  const thresholdProblem =
    typeof threshold !== 'number' || !Number.isInteger(threshold) || threshold < 1
      ? 'Ngưỡng phải là số nguyên từ 1 trở lên.'
      : undefined;
  const countedProblem = counted.length === 0 ? 'Chọn ít nhất một loại lao động được tính.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!thresholdProblem && !countedProblem) save.mutate();
  };

  const readOnly = !settings.canEdit;
  const forbidden = save.error instanceof ApiError && save.error.status === 403;
  const stale = save.error instanceof ApiError && save.error.code === 'stale_version';
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {(readOnly || forbidden) && (
          <Alert color="yellow" title="Không có quyền sửa" role="alert">
            {ROOT_ONLY}
          </Alert>
        )}
        {save.isError && !forbidden && !stale && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <NumberInput
          label="Ngưỡng số quần chúng"
          description="Cơ quan, đơn vị có từ số này trở lên quần chúng được tính thì phải tổ chức họp."
          min={1}
          max={10_000}
          allowDecimal={false}
          allowNegative={false}
          value={threshold}
          onChange={setThreshold}
          error={thresholdProblem}
          readOnly={readOnly}
          maw={280}
        />
        <Checkbox.Group
          label="Loại lao động được tính là quần chúng"
          value={counted}
          onChange={setCounted}
          error={countedProblem}
        >
          <Stack gap="xs" mt="xs">
            {EMPLOYMENT_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={EMPLOYMENT_TYPE_LABELS[type]} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Lưu
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export default function SettingsPage() {
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => api.get<EligibilitySettings>('/settings/eligibility'),
  });
  const security = useQuery({
    queryKey: SECURITY_SETTINGS_KEY,
    queryFn: () => api.get<SecuritySettingsView>('/settings/security'),
  });
  return (
    <Stack maw={720}>
      <Title order={2}>Cài đặt</Title>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={4}>Nơi phải tổ chức tự phê bình trước quần chúng</Title>
          <Blockquote color="red" p="sm">
            “… những cơ quan, đơn vị, doanh nghiệp có dưới 05 quần chúng không tổ chức tự phê bình và phê
            bình; có từ 05 quần chúng trở lên phải tổ chức để đảng viên tự phê bình và phê bình trước quần
            chúng.”
          </Blockquote>
          <Text size="sm">
            Với mỗi cơ quan, đơn vị, hệ thống đếm số quần chúng thuộc các loại lao động được tính dưới đây.
            Dưới ngưỡng: không tổ chức họp, ghi nhận là được miễn kèm số lượng. Từ ngưỡng trở lên: phải tổ
            chức họp. Mặc định là 5 người, tính biên chế và hợp đồng dài hạn.
          </Text>
          {settings.isPending ? (
            <Loading />
          ) : settings.isError ? (
            <ErrorNotice error={settings.error} />
          ) : (
            <EligibilityForm key={settings.data.version} settings={settings.data} />
          )}
        </Stack>
      </Paper>
      <AnonymitySettingsSection />
      <Paper withBorder p="lg">
        <Stack>
          <Title order={4}>Bảo mật và dữ liệu cá nhân</Title>
          {security.isPending ? (
            <Loading />
          ) : security.isError ? (
            <ErrorNotice error={security.error} />
          ) : (
            <SecuritySettingsForm key={security.data.version} settings={security.data} />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
