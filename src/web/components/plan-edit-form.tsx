import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { PlanDetail } from '../../contract/plans.js';
import { api } from '../api.js';
import { DateTextInput } from './date-text-input.js';
import { fieldErrors, formMessage, isStaleVersion } from './form-field-errors.js';
import { useRebasedForm } from './form-rebase.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES } from './plan-dates.js';
import {
  AREA_FIELDS,
  linesOf,
  type PlanFormValues,
  planFormValues,
  planUpdateBody,
} from './plan-edit-values.js';
import { PlanPasteModal } from './plan-paste-modal.js';
import { PLANS_KEY, planKey } from './plan-queries.js';

const AREA_LABELS = [
  '4.1. Tư tưởng chính trị',
  '4.2. Phẩm chất, đạo đức, lối sống',
  '4.3. Thực hiện chức trách, nhiệm vụ',
  '4.4. Ý thức tổ chức kỷ luật',
];

const EXTRA_FIELDS = ['contentAreas', 'manifestationsText'];

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** Edits every field of a draft plan; the save carries the version so a concurrent edit is not overwritten. */
export function PlanEditForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [values, set] = useRebasedForm<PlanFormValues>(planFormValues(plan), plan.version);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [pasting, setPasting] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof planUpdateBody>['body']>) =>
      api.patch<PlanDetail>(`/plans/${plan.id}`, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(planKey(plan.id), updated);
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      notifications.show({ color: 'green', message: 'Đã lưu kế hoạch.' });
      onDone();
    },
    onError: async (error) => {
      if (isStaleVersion(error)) await queryClient.invalidateQueries({ queryKey: planKey(plan.id) });
    },
  });
  const serverErrors = fieldErrors(mutation.error);
  const errors: Record<string, string | undefined> = { ...serverErrors, ...localErrors };
  const message = formMessage(mutation.error, [...EXTRA_FIELDS, ...Object.keys(values)]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, errors: problems } = planUpdateBody(values, plan.version);
    setLocalErrors(problems);
    if (body) mutation.mutate(body);
  };
  const input = (field: keyof PlanFormValues, label: string, extra: { required?: boolean } = {}) => (
    <TextInput
      label={label}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      {...extra}
    />
  );
  const area = (field: keyof PlanFormValues, label: string, rows = 3, description?: string) => (
    <Textarea
      label={label}
      description={description}
      value={values[field]}
      onChange={(event) => set(field, event.currentTarget.value)}
      error={errors[field]}
      autosize
      minRows={rows}
      maxRows={16}
    />
  );
  const manifestationCount = linesOf(values.manifestations).length;

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack>
          {message && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'} role="alert">
              {message}
            </Alert>
          )}
          <Part title="Số, nơi và ngày ban hành">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput
                label="Số"
                description={`Ký hiệu: ${plan.symbol}`}
                value={values.number}
                onChange={(event) => set('number', event.currentTarget.value)}
                error={errors.number}
              />
              {input('year', 'Năm', { required: true })}
              {input('place', 'Nơi ban hành')}
              <DateTextInput
                label="Ngày ban hành"
                placeholder="dd/mm/yyyy"
                value={values.issuedOn}
                onChange={(event) => set('issuedOn', event.currentTarget.value)}
                error={errors.issuedOn}
              />
            </SimpleGrid>
            {area('title', 'Tiêu đề', 2)}
            {area('preamble', 'Lời mở đầu')}
          </Part>
          <Part title="I- Mục đích, yêu cầu">{area('purposes', 'Mục đích, yêu cầu', 5)}</Part>
          <Part title="II- Đối tượng, thời gian, địa điểm, nội dung, phương pháp">
            {area('subjects', '1. Đối tượng tự phê bình và phê bình')}
            {area('participants', '2. Đối tượng tham gia đóng góp')}
            <Text size="sm" fw={600}>
              3. Thời gian và địa điểm
            </Text>
            {area('timeRules', 'Thời gian', 2)}
            {area('placeRules', 'Địa điểm', 2)}
            <Text size="sm" fw={600}>
              4. Nội dung tự phê bình và phê bình
            </Text>
            {AREA_FIELDS.map((field, index) => (
              <TextInput
                key={field}
                label={AREA_LABELS[index]}
                value={values[field]}
                onChange={(event) => set(field, event.currentTarget.value)}
                error={index === 0 ? errors.contentAreas : undefined}
              />
            ))}
            {area(
              'annualTheme',
              'Chuyên đề năm',
              4,
              'Các đoạn sau bốn nội dung: nhận diện biểu hiện suy thoái, chuyên đề năm, chuẩn bị bản tự phê bình. *chữ nghiêng*, **chữ đậm** in như văn bản mẫu.',
            )}
            <Textarea
              label="Danh mục biểu hiện suy thoái (mỗi biểu hiện một dòng)"
              description={`${manifestationCount} biểu hiện`}
              value={values.manifestations}
              onChange={(event) => set('manifestations', event.currentTarget.value)}
              error={errors.manifestations ?? errors.manifestationsText}
              autosize
              minRows={4}
              maxRows={16}
            />
            <Group>
              <Button variant="light" size="xs" onClick={() => setPasting(true)}>
                Dán danh sách
              </Button>
            </Group>
            {area('methods', '5. Phương pháp và cách tiến hành', 5)}
          </Part>
          <Part title="IV- Tổ chức thực hiện">
            {area(
              'implementation',
              'Tổ chức thực hiện',
              5,
              'Văn bản mẫu đánh số mục II rồi IV, văn bản tải về giữ nguyên. {meetingsDueOn}, {baseReportsDueOn}, {upwardReportDueOn} in thành các thời hạn dưới đây.',
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {PLAN_DEADLINES.map((deadline) => (
                <DateTextInput
                  key={deadline}
                  label={PLAN_DEADLINE_LABELS[deadline]}
                  placeholder="dd/mm/yyyy"
                  required
                  value={values[deadline]}
                  onChange={(event) => set(deadline, event.currentTarget.value)}
                  error={errors[deadline]}
                />
              ))}
            </SimpleGrid>
          </Part>
          <Part title="Nơi nhận và người ký">
            {area('recipients', 'Nơi nhận (mỗi nơi một dòng)', 4)}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {input('signingCapacity', 'Thẩm quyền ký')}
              {input('signerTitle', 'Chức vụ người ký')}
              {input('signerName', 'Họ và tên người ký')}
            </SimpleGrid>
          </Part>
          {!mutation.isPending && (message || Object.values(errors).some(Boolean)) && (
            <Alert color={isStaleVersion(mutation.error) ? 'yellow' : 'red'}>
              {message ?? 'Chưa lưu được: có ô chưa hợp lệ, xem các ô báo đỏ.'}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Hủy
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Lưu kế hoạch
            </Button>
          </Group>
        </Stack>
      </form>
      {pasting && (
        <PlanPasteModal
          plan={plan}
          onPasted={(items) => set('manifestations', items.join('\n'))}
          onClose={() => setPasting(false)}
        />
      )}
    </>
  );
}
