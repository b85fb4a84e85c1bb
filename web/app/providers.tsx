import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import ConfigProvider from 'antd/es/config-provider';
import { useTranslation } from 'react-i18next';
import { currentAntdLocale, currentLocale, isRtl } from './i18n';
import type { createAppRouter } from './router';

type Props = { queryClient: QueryClient; router: ReturnType<typeof createAppRouter> };

/** antd in the current language and direction, TanStack Query, and the router. */
export function AppProviders({ queryClient, router }: Props) {
  // Re-renders on every language change (i18next's languageChanged event).
  useTranslation();
  const locale = currentLocale();
  return (
    <ConfigProvider locale={currentAntdLocale()} direction={isRtl(locale) ? 'rtl' : 'ltr'} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 6 } }}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
