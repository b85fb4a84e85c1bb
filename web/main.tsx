import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meQuery } from './features/auth/auth.api';
import { initI18n } from './app/i18n';
import { AppProviders } from './app/providers';
import { createQueryClient } from './app/query-client';
import { createAppRouter } from './app/router';
import './app/global.css';

await initI18n();

const queryClient = createQueryClient(() => {
  // A 401 anywhere: forget the account and go to the sign-in page, coming back here afterwards.
  queryClient.setQueryData(meQuery.queryKey, null);
  const { pathname, href } = router.state.location;
  if (pathname !== '/login') void router.navigate({ to: '/login', search: { redirect: href } });
});
const router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}
