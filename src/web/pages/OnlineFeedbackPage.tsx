import { Title } from '@mantine/core';

export default function OnlineFeedbackPage() {
  return <Title order={2}>Góp ý bằng văn bản</Title>;
}
