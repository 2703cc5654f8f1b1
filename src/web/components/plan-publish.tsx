import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { PlanDetail, PlanWorkplaceView } from '../../contract/plans.js';
import { api, queryString } from '../api.js';
import { PLANS_KEY, planKey } from './plan-queries.js';
import { errorMessage } from './states.js';

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

/**
 * Asks before publishing: publishing fixes, for every workplace of the subtree, whether a meeting
 * is required from the masses counted at that moment. Then tells how many were found each way.
 */
export function confirmPublish(plan: PlanDetail, queryClient: QueryClient, onPublished: () => void) {
  modals.openConfirmModal({
    title: 'Ban hành kế hoạch',
    children: (
      <Text size="sm">
        Ban hành kế hoạch Số {plan.fullNumber}?{' '}
        {plan.parent
          ? `Các cơ quan, đơn vị thuộc ${plan.organizationName} phải hay không phải tổ chức tự phê bình và phê bình trước quần chúng đã được xác định khi ${plan.parent.organizationName} ban hành kế hoạch cấp trên; kế hoạch này dùng lại kết quả đó.`
          : `Khi ban hành, hệ thống xác định cho từng cơ quan, đơn vị thuộc ${plan.organizationName} có phải tổ chức tự phê bình và phê bình trước quần chúng hay không, theo số quần chúng được tính tại thời điểm này (biên chế, hợp đồng dài hạn).`}{' '}
        Sau khi ban hành, nội dung kế hoạch không sửa được nữa; chỉ đổi được thời hạn, kèm lý do.
      </Text>
    ),
    labels: { confirm: 'Ban hành', cancel: 'Hủy' },
    onConfirm: async () => {
      try {
        const published = await api.post<PlanDetail>(`/plans/${plan.id}/publish`, { version: plan.version });
        queryClient.setQueryData(planKey(plan.id), published);
        await queryClient.invalidateQueries({ queryKey: PLANS_KEY });
        const totals = await determinationTotals(plan.id);
        notifications.show({
          color: 'green',
          title: 'Đã ban hành kế hoạch',
          message: `${totals.required} cơ quan, đơn vị phải tổ chức; ${totals.exempt} cơ quan, đơn vị không phải tổ chức (dưới ngưỡng quần chúng).`,
          autoClose: 10_000,
        });
        onPublished();
      } catch (error) {
        notifications.show({ color: 'red', title: 'Không ban hành được', message: errorMessage(error) });
        await queryClient.invalidateQueries({ queryKey: planKey(plan.id) });
      }
    },
  });
}
