import { Title } from '@mantine/core';

export default function WorkplacePage() {
  return <Title order={2}>Cơ quan, đơn vị</Title>;
}
