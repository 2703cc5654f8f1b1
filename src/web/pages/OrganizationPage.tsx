import { Title } from '@mantine/core';

export default function OrganizationPage() {
  return <Title order={2}>Tổ chức</Title>;
}
