import { Title } from '@mantine/core';

export default function TreePage() {
  return <Title order={2}>Cây tổ chức</Title>;
}
