import { Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { OrganizationPicker } from '../components/organization-picker.js';
import { planNumberText, usePlansQuery } from '../components/plan-queries.js';
import { EmptyState, ErrorNotice, Loading } from '../components/states.js';
import { YearEndMembers } from '../components/year-end-members.js';
import { YearEndOrganizationTable } from '../components/year-end-organizations.js';

type Tab = 'members' | 'organizations';

/**
 * DESIGN step 10, year end: each member's results for the member rating and each organization's
 * for emulation and rewards. Plan, organization, tab and page live in the address, so a link
 * shared with a colleague opens the same table.
 */
export default function YearEndPage() {
  const [search, setSearch] = useSearchParams();
  const plans = usePlansQuery();
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <ErrorNotice error={plans.error} />;
  const published = plans.data.filter((plan) => plan.status === 'published');
  const planId = search.get('planId') ?? published[0]?.id ?? null;
  const organizationId = search.get('organizationId') ?? undefined;
  const tab: Tab = search.get('tab') === 'organizations' ? 'organizations' : 'members';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setSearch(next);
  };

  return (
    <Stack>
      <Title order={2}>Tổng kết năm</Title>
      <Text size="sm" c="dimmed">
        Kết quả tự phê bình và phê bình trước quần chúng của từng đảng viên (căn cứ xếp loại chất lượng đảng
        viên) và của từng tổ chức (căn cứ thi đua, khen thưởng).
      </Text>
      {published.length === 0 ? (
        <EmptyState>Chưa có kế hoạch nào được ban hành trong phạm vi của bạn.</EmptyState>
      ) : (
        <>
          <Group align="flex-end" wrap="wrap">
            <Select
              label="Kế hoạch"
              w={360}
              allowDeselect={false}
              value={planId}
              data={published.map((plan) => ({
                value: plan.id,
                label: `${planNumberText(plan)} (năm ${plan.year}) – ${plan.organizationName}`,
              }))}
              onChange={(value) =>
                value && update({ planId: value, organizationId: undefined, page: undefined })
              }
            />
            <OrganizationPicker
              label="Tổ chức"
              placeholder="Tổ chức cao nhất trong phạm vi của bạn"
              clearable
              value={organizationId ?? null}
              onChange={(picked) => update({ organizationId: picked?.id, page: undefined })}
            />
          </Group>
          {planId && (
            <Tabs value={tab} onChange={(value) => update({ tab: value ?? undefined, page: undefined })}>
              <Tabs.List>
                <Tabs.Tab value="members">Đảng viên</Tabs.Tab>
                <Tabs.Tab value="organizations">Tổ chức</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="members" pt="md">
                {tab === 'members' && (
                  <YearEndMembers
                    planId={planId}
                    organizationId={organizationId}
                    page={page}
                    onPage={(next) => update({ page: String(next) })}
                  />
                )}
              </Tabs.Panel>
              <Tabs.Panel value="organizations" pt="md">
                {tab === 'organizations' && (
                  <YearEndOrganizationTable planId={planId} organizationId={organizationId} />
                )}
              </Tabs.Panel>
            </Tabs>
          )}
        </>
      )}
    </Stack>
  );
}
