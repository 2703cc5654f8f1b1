import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './card-table.css';
import { createTheme, MantineProvider, PasswordInput } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { ApiError } from './api.js';

const theme = createTheme({
  primaryColor: 'red',
  defaultRadius: 'sm',
  components: {
    // Mantine's own label is English ("Toggle password visibility").
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Hiện hoặc ẩn các ký tự đã gõ' } },
    }),
  },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // 401/403/404 will not change by asking again.
      retry: (count, error) =>
        !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <ModalsProvider labels={{ confirm: 'Đồng ý', cancel: 'Hủy' }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </ModalsProvider>
    </MantineProvider>
  </StrictMode>,
);
