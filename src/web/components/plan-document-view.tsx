import { Anchor, Box, Button, Collapse, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PlanDetail } from '../../contract/plans.js';
import {
  emphasisRuns,
  PLAN_DEADLINE_TOKEN_PATTERN,
  PLAN_DEADLINE_TOKENS,
  type PlanDeadlineToken,
} from '../../domain/emphasis.js';
import { PLAN_AREAS_FOLLOW_UP } from '../../domain/plans.js';
import { formatDate } from '../api.js';
import { PATHS } from '../paths.js';
import { PLAN_DEADLINE_LABELS, PLAN_DEADLINES } from './plan-dates.js';
import { planNumberText } from './plan-queries.js';

/** A line as the document prints it: `*italic*`, `**bold**`, and `{meetingsDueOn}`… as the plan's dates in bold. */
function Emphasized({ text, plan }: { text: string; plan: PlanDetail }) {
  const parts = text.split(PLAN_DEADLINE_TOKEN_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line have no identity besides their place.
          <b key={index}>{formatDate(plan[part as PlanDeadlineToken])}</b>
        ) : (
          emphasisRuns(part).map((run, runIndex) => {
            const key = `${index}-${runIndex}`;
            if (run.bold) return <b key={key}>{run.text}</b>;
            if (run.italic) return <i key={key}>{run.text}</i>;
            return <span key={key}>{run.text}</span>;
          })
        ),
      )}
    </>
  );
}

/** Paragraphs as typed: one a line, blank lines dropped. */
function Paragraphs({ text, plan }: { text: string; plan: PlanDetail }) {
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
          <Emphasized text={line} plan={plan} />
        </Text>
      ))}
    </Stack>
  );
}

const namesDeadlines = (text: string) => PLAN_DEADLINE_TOKENS.some((token) => text.includes(`{${token}}`));

function Heading({ children }: { children: ReactNode }) {
  return (
    <Text fw={700} size="sm" mt="xs">
      {children}
    </Text>
  );
}

/** The appendix of the document; a plan without a list prints none, and neither does the preview. */
function ManifestationList({ items }: { items: string[] }) {
  const [opened, { toggle }] = useDisclosure(false);
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Danh mục biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" (kèm theo kế hoạch): {items.length}{' '}
          biểu hiện
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={toggle} aria-expanded={opened}>
          {opened ? 'Thu gọn danh mục' : 'Xem danh mục'}
        </Button>
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
          <Stack gap={0} align="center" data-testid="plan-document-header">
            {plan.documentHeader.superior && (
              <Text size="sm" ta="center">
                {plan.documentHeader.superior}
              </Text>
            )}
            <Text size="sm" fw={700} ta="center">
              {plan.documentHeader.issuer}
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
          {plan.status === 'draft' && <Text fw={700}>DỰ THẢO</Text>}
        </Box>
        {plan.parent && (
          <Text size="sm">
            Cụ thể hóa kế hoạch cấp trên:{' '}
            <Anchor component={Link} to={PATHS.plan(plan.parent.id)}>
              Số {plan.parent.fullNumber} của {plan.parent.organizationName}
            </Anchor>
          </Text>
        )}
        <Paragraphs text={plan.preamble} plan={plan} />
        <Heading>I- MỤC ĐÍCH, YÊU CẦU</Heading>
        <Paragraphs text={plan.purposes} plan={plan} />
        <Heading>II- ĐỐI TƯỢNG, THỜI GIAN, ĐỊA ĐIỂM, NỘI DUNG, PHƯƠNG PHÁP VÀ CÁCH TIẾN HÀNH</Heading>
        <Heading>1. Đối tượng tự phê bình và phê bình</Heading>
        <Paragraphs text={plan.subjects} plan={plan} />
        <Heading>2. Đối tượng tham gia đóng góp tự phê bình và phê bình</Heading>
        <Paragraphs text={plan.participants} plan={plan} />
        <Heading>3. Thời gian và địa điểm</Heading>
        <Text size="sm">
          - <b>Thời gian:</b> <Emphasized text={plan.timeRules} plan={plan} />
        </Text>
        <Text size="sm">
          - <b>Địa điểm:</b> <Emphasized text={plan.placeRules} plan={plan} />
        </Text>
        <Heading>4. Nội dung tự phê bình và phê bình</Heading>
        <Stack gap={2}>
          {plan.contentAreas.map((area, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the four areas are fixed by position.
            <Text key={index} size="sm">
              - <Emphasized text={area} plan={plan} />
            </Text>
          ))}
        </Stack>
        <Text size="sm" ta="justify">
          {PLAN_AREAS_FOLLOW_UP}
        </Text>
        {plan.annualTheme.trim() && <Paragraphs text={plan.annualTheme} plan={plan} />}
        <Heading>5. Phương pháp và cách tiến hành</Heading>
        <Paragraphs text={plan.methods} plan={plan} />
        <Heading>IV- TỔ CHỨC THỰC HIỆN</Heading>
        <Text size="xs" c="dimmed" data-testid="plan-numbering-note">
          Sau mục II là mục IV: giữ đúng cách đánh số của kế hoạch mẫu (Kế hoạch số 03-KH/ĐUK), văn bản tải về
          cũng in như vậy.
        </Text>
        <Paragraphs text={plan.implementation} plan={plan} />
        {!namesDeadlines(plan.implementation) && (
          <Stack gap={2}>
            {PLAN_DEADLINES.map((deadline) => (
              <Text key={deadline} size="sm">
                {PLAN_DEADLINE_LABELS[deadline]}: <b>{formatDate(plan[deadline])}</b>
              </Text>
            ))}
          </Stack>
        )}
        <ManifestationList items={plan.manifestations} />
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
