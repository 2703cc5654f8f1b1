import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './card-table.css';
import './contrast.css';
import {
  type CSSVariablesResolver,
  createTheme,
  Drawer,
  MantineProvider,
  Modal,
  Notification,
  Pagination,
  PasswordInput,
} from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { ApiError } from './api.js';

/**
 * QUALITY U2 (contrast 4.5:1): the primary red and every colour's light, outline and text shades
 * are taken darker than Mantine's defaults; filled colours get black or white text by luminance.
 */
const PAGINATION_CONTROL_LABELS = {
  first: 'Trang đầu',
  previous: 'Trang trước',
  next: 'Trang sau',
  last: 'Trang cuối',
} as const;

const theme = createTheme({
  primaryColor: 'red',
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.19,
  defaultRadius: 'sm',
  components: {
    // Mantine's own label is English ("Toggle password visibility").
    // Mantine's close buttons have no name of their own.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Thoát khỏi hộp thoại' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Thoát khỏi hộp thoại' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Ẩn thông báo' } },
    }),
    // Mantine's previous/next page buttons are icons with no name.
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control) => ({ 'aria-label': PAGINATION_CONTROL_LABELS[control] }),
      },
    }),
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Hiện hoặc ẩn chữ đã gõ' } },
    }),
  },
});

const darker = (color: string) => `color-mix(in srgb, var(--mantine-color-${color}-9), black 30%)`;
const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(resolved.colors).flatMap((color) => [
        [`--mantine-color-${color}-light-color`, darker(color)],
        [`--mantine-color-${color}-outline`, darker(color)],
        [`--mantine-color-${color}-text`, darker(color)],
      ]),
    ),
  },
  dark: {},
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
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
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
