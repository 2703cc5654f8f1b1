import { Title } from '@mantine/core';

export default function MeetingLivePage() {
  return <Title order={2}>Diễn biến buổi họp</Title>;
}
