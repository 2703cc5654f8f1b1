import { Stack, Text, Title } from '@mantine/core';
import { OwnSessionsPanel } from '../components/own-sessions-panel.js';
import { SecondFactorPanel } from '../components/second-factor-panel.js';

/** "Bảo mật tài khoản": two-factor sign-in and the person's own sessions (issue 13). */
export function AccountSecurityPage({ required = false }: { required?: boolean }) {
  return (
    <Stack maw={760} mx={required ? 'auto' : undefined}>
      <Title order={2}>Bảo mật tài khoản</Title>
      {required && (
        <Text>
          Cài đặt của hệ thống yêu cầu tài khoản của bạn bật xác thực hai lớp. Hãy bật ngay dưới đây để tiếp
          tục làm việc.
        </Text>
      )}
      <SecondFactorPanel />
      {!required && <OwnSessionsPanel />}
    </Stack>
  );
}
