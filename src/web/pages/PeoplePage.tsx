import { Title } from '@mantine/core';

export default function PeoplePage() {
  return <Title order={2}>Tìm nhân sự</Title>;
}
