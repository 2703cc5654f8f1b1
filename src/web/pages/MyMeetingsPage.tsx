import { Title } from '@mantine/core';

export default function MyMeetingsPage() {
  return <Title order={2}>Cuộc họp của tôi</Title>;
}
