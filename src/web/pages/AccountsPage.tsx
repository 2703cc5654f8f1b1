import { Title } from '@mantine/core';

export default function AccountsPage() {
  return <Title order={2}>Tài khoản và vai trò</Title>;
}
