import { Title } from '@mantine/core';

export default function MeetingPage() {
  return <Title order={2}>Buổi tự phê bình và phê bình</Title>;
}
