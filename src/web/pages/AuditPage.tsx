import { Title } from '@mantine/core';

export default function AuditPage() {
  return <Title order={2}>Nhật ký thay đổi</Title>;
}
