import { Alert, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { PlanDetail, PlanWorkplaceView } from '../../contract/plans.js';
import { vietnamToday } from '../../domain/dates.js';
import { deadlineIssues, publicationIssues } from '../../domain/plans.js';
import { api, queryString } from '../api.js';
import { fieldErrors, formMessage } from './form-field-errors.js';
import { FormModal } from './layout.js';
import { PLANS_KEY, planKey } from './plan-queries.js';

interface WorkplaceCount {
  items: PlanWorkplaceView[];
  total: number;
}

async function determinationTotals(planId: string) {
  const count = (required: boolean) =>
    api.get<WorkplaceCount>(`/plans/${planId}/workplaces${queryString({ required, pageSize: 1 })}`);
  const [required, exempt] = await Promise.all([count(true), count(false)]);
  return { required: required.total, exempt: exempt.total };
}

/** What the draft still lacks, all at once, as the server would answer (issue 11). */
export function publishProblems(plan: PlanDetail): string[] {
  return [...publicationIssues(plan, vietnamToday()), ...deadlineIssues(plan, plan.parent ?? undefined)].map(
    (issue) => issue.message,
  );
}

/**
 * Asks before publishing: publishing fixes, for every workplace of the subtree, whether a meeting
 * is required from the masses counted at that moment. A draft that lacks fields lists them all and
 * offers no confirmation; one that would stand beside the year's published plan asks for the reason
 * to replace it. Then tells how many workplaces were found each way.
 */
export function PlanPublishModal({
  plan,
  onClose,
  onPublished,
}: {
  plan: PlanDetail;
  onClose: () => void;
  onPublished: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const problems = publishProblems(plan);
  const standing = plan.standingPlan;
  const mutation = useMutation({
    mutationFn: () =>
      api.post<PlanDetail>(`/plans/${plan.id}/publish`, {
        version: plan.version,
        ...(standing ? { replacement: { replacesPlanId: standing.id, reason } } : {}),
      }),
    onSuccess: async (published) => {
      queryClient.setQueryData(planKey(plan.id), published);
      await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
      const totals = published.parentPlanId ? null : await determinationTotals(plan.id);
      notifications.show({
        color: 'green',
        title: 'Đã ban hành kế hoạch',
        message: totals
          ? `${totals.required} cơ quan, đơn vị phải tổ chức; ${totals.exempt} cơ quan, đơn vị không phải tổ chức (dưới ngưỡng quần chúng).`
          : `Kế hoạch Số ${published.fullNumber} đã ban hành.`,
        autoClose: 10_000,
      });
      onClose();
      onPublished();
    },
    onError: () => queryClient.invalidateQueries({ queryKey: planKey(plan.id) }),
  });
  const errors = fieldErrors(mutation.error);
  const message = formMessage(mutation.error, standing ? ['replacement'] : []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  if (problems.length > 0) {
    return (
      <Modal opened onClose={onClose} title="Ban hành kế hoạch" size="lg">
        <Stack>
          <Alert color="red" role="alert" title="Chưa ban hành được, cần sửa:">
            <List size="sm">
              {problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </Alert>
          <Text size="sm">Bấm “Sửa kế hoạch” để bổ sung rồi ban hành lại.</Text>
        </Stack>
      </Modal>
    );
  }
  return (
    <FormModal
      title="Ban hành kế hoạch"
      onClose={onClose}
      onSubmit={submit}
      message={message}
      busy={mutation.isPending}
      submitLabel={standing ? 'Ban hành thay thế' : 'Ban hành'}
    >
      <Text size="sm">
        Ban hành kế hoạch Số {plan.fullNumber}?{' '}
        {plan.parent
          ? `Các cơ quan, đơn vị thuộc ${plan.organizationName} phải hay không phải tổ chức tự phê bình và phê bình trước quần chúng đã được xác định khi ${plan.parent.organizationName} ban hành kế hoạch cấp trên; kế hoạch này dùng lại kết quả đó.`
          : `Khi ban hành, hệ thống xác định cho từng cơ quan, đơn vị thuộc ${plan.organizationName} có phải tổ chức tự phê bình và phê bình trước quần chúng hay không, theo số quần chúng được tính tại thời điểm này (biên chế, hợp đồng dài hạn).`}{' '}
        Sau khi ban hành, nội dung kế hoạch không sửa được nữa; chỉ đổi được thời hạn, kèm lý do.
      </Text>
      {standing && (
        <>
          <Alert color="yellow" title={`Thay thế Kế hoạch số ${standing.fullNumber}`}>
            Năm {plan.year} {plan.organizationName} đã ban hành Kế hoạch số {standing.fullNumber}. Mỗi năm chỉ
            có một kế hoạch: ban hành kế hoạch này sẽ thay thế kế hoạch đó (kế hoạch cũ được giữ lại trong
            lịch sử, ghi “Đã bị thay thế”) và xác định lại các cơ quan, đơn vị theo kế hoạch mới.
          </Alert>
          <Textarea
            label="Lý do thay thế"
            required
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.replacement}
          />
        </>
      )}
    </FormModal>
  );
}
