import { Anchor, Box, Button, Collapse, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import { formatDate } from '../api.js';
import { PATHS } from '../paths.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES } from './plan-dates.js';
import { planNumberText } from './plan-queries.js';

/** Paragraphs as typed: one a line, blank lines dropped. */
function Paragraphs({ text }: { text: string }) {
  const lines = text.split('\n').filter((line) => line.trim());
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" fs="italic">
        (Chưa có nội dung)
      </Text>
    );
  return (
    <Stack gap={4}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text have no identity besides their place.
        <Text key={index} size="sm" ta="justify">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function Heading({ children }: { children: ReactNode }) {
  return (
    <Text fw={700} size="sm" mt="xs">
      {children}
    </Text>
  );
}

function ManifestationList({ items }: { items: string[] }) {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Danh mục biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa": {items.length} biểu hiện
        </Text>
        {items.length > 0 && (
          <Button size="compact-xs" variant="subtle" onClick={toggle} aria-expanded={opened}>
            {opened ? 'Thu gọn danh mục' : 'Xem danh mục'}
          </Button>
        )}
      </Group>
      <Collapse expanded={opened}>
        <List type="ordered" size="sm" spacing={2}>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the number is the item's identity in the plan.
            <List.Item key={index}>{item}</List.Item>
          ))}
        </List>
      </Collapse>
    </Stack>
  );
}

/** The plan laid out in the order of the printed document (seed Số 03-KH/ĐUK). */
export function PlanDocumentView({ plan }: { plan: PlanDetail }) {
  const placeDate = [plan.place, plan.issuedOn ? `ngày ${formatDate(plan.issuedOn)}` : '']
    .filter(Boolean)
    .join(', ');
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'xl' }}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={0} align="center">
            <Text size="sm" fw={700}>
              {plan.organizationName.toLocaleUpperCase('vi')}
            </Text>
            <Text size="sm">*</Text>
            <Text size="sm">{planNumberText(plan)}</Text>
          </Stack>
          <Stack gap={0} align="center">
            <Text size="sm" fw={700} td="underline">
              ĐẢNG CỘNG SẢN VIỆT NAM
            </Text>
            <Text size="sm" fs="italic">
              {placeDate || '(Chưa ghi nơi và ngày ban hành)'}
            </Text>
          </Stack>
        </Group>
        <Box ta="center" my="sm">
          <Title order={3}>KẾ HOẠCH</Title>
          <Text fw={700}>{plan.title}</Text>
        </Box>
        {plan.parent && (
          <Text size="sm">
            Cụ thể hóa kế hoạch cấp trên:{' '}
            <Anchor component={Link} to={PATHS.plan(plan.parent.id)}>
              Số {plan.parent.fullNumber} của {plan.parent.organizationName}
            </Anchor>
          </Text>
        )}
        <Paragraphs text={plan.preamble} />
        <Heading>I- MỤC ĐÍCH, YÊU CẦU</Heading>
        <Paragraphs text={plan.purposes} />
        <Heading>II- ĐỐI TƯỢNG, THỜI GIAN, ĐỊA ĐIỂM, NỘI DUNG, PHƯƠNG PHÁP VÀ CÁCH TIẾN HÀNH</Heading>
        <Heading>1. Đối tượng tự phê bình và phê bình</Heading>
        <Paragraphs text={plan.subjects} />
        <Heading>2. Đối tượng tham gia đóng góp tự phê bình và phê bình</Heading>
        <Paragraphs text={plan.participants} />
        <Heading>3. Thời gian và địa điểm</Heading>
        <Text size="sm">
          <b>Thời gian:</b> {plan.timeRules}
        </Text>
        <Text size="sm">
          <b>Địa điểm:</b> {plan.placeRules}
        </Text>
        <Heading>4. Nội dung tự phê bình và phê bình</Heading>
        <Stack gap={2}>
          {plan.contentAreas.map((area, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the four areas are fixed by position.
            <Text key={index} size="sm">
              - {area}
            </Text>
          ))}
        </Stack>
        {plan.annualTheme && (
          <Text size="sm">
            <b>Chuyên đề năm:</b> {plan.annualTheme}
          </Text>
        )}
        <ManifestationList items={plan.manifestations} />
        <Heading>5. Phương pháp và cách tiến hành</Heading>
        <Paragraphs text={plan.methods} />
        <Heading>IV- TỔ CHỨC THỰC HIỆN</Heading>
        <Paragraphs text={plan.implementation} />
        <Stack gap={2}>
          {PLAN_DEADLINES.map((deadline) => (
            <Text key={deadline} size="sm">
              {PLAN_DEADLINE_LABELS[deadline]}: <b>{formatDate(plan[deadline])}</b>
            </Text>
          ))}
        </Stack>
        <Group justify="space-between" align="flex-start" mt="md" wrap="wrap">
          <Stack gap={0}>
            <Text size="sm" fw={700} fs="italic">
              Nơi nhận:
            </Text>
            {plan.recipients.map((recipient, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: recipients may repeat; their place is their identity.
              <Text key={index} size="xs">
                - {recipient}
              </Text>
            ))}
          </Stack>
          <Stack gap={0} align="center">
            <Text size="sm" fw={700}>
              {plan.signingCapacity.toLocaleUpperCase('vi')}
            </Text>
            <Text size="sm" fw={700}>
              {plan.signerTitle.toLocaleUpperCase('vi')}
            </Text>
            <Text size="sm" fw={700} mt="lg">
              {plan.signerName}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}
