import { Anchor, Button, Group, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { GUIDE_CHAPTERS, GUIDE_IMAGE_PATH } from '../guide-content.js';
import './guide-print.css';

/** `/huong-dan`: the user guide, a chapter per role, printable (the menu is left out on paper). */
export default function GuidePage() {
  const { hash } = useLocation();
  // The help icon links to a chapter: scroll to it once the page is drawn.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  return (
    <Stack gap="lg" className="guide">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>Hướng dẫn sử dụng</Title>
          <Text size="sm">
            Hệ thống quản lý việc tự phê bình và phê bình trước quần chúng của đảng viên, theo từng vai trò.
            Hình minh họa lấy từ dữ liệu mẫu.
          </Text>
        </Stack>
        <Button variant="light" onClick={() => window.print()} className="guide-no-print">
          In hướng dẫn
        </Button>
      </Group>
      <Paper withBorder p="md" className="guide-no-print">
        <Title order={3} size="h5">
          Mục lục
        </Title>
        <List size="sm" mt="xs">
          {GUIDE_CHAPTERS.map((chapter) => (
            <List.Item key={chapter.id}>
              <Anchor href={`#${chapter.id}`}>{chapter.title}</Anchor>
            </List.Item>
          ))}
        </List>
      </Paper>
      {GUIDE_CHAPTERS.map((chapter) => (
        <Stack key={chapter.id} id={chapter.id} gap="sm" component="section" className="guide-chapter">
          <Title order={3}>{chapter.title}</Title>
          <Text size="sm" c="dimmed">
            {chapter.audience}
          </Text>
          {chapter.steps.map((step, index) => (
            <Stack key={step.title} gap={6}>
              <Title order={4}>
                {index + 1}. {step.title}
              </Title>
              {step.text.map((paragraph) => (
                <Text key={paragraph} size="sm">
                  {paragraph}
                </Text>
              ))}
              {step.image && (
                <Image
                  src={GUIDE_IMAGE_PATH(step.image)}
                  alt={step.imageAlt ?? step.title}
                  radius="sm"
                  maw={900}
                  style={{ border: '1px solid var(--mantine-color-gray-3)' }}
                />
              )}
            </Stack>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
