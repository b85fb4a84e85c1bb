/**
 * The public petition page's entry (petition.html, served at /petition): its own small bundle —
 * React, i18next and the page, no antd, no router, no TanStack Query — and only the strings of the
 * citizen's language. scripts/check-public-bundle.mjs keeps it within its budget.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicPetitionPage } from './features/petitions/public-petition-page';
import { preloadPublicPage } from './features/petitions/petitions-public.api';
import { initPortalI18n } from './features/petitions/public/portal-i18n';
import './app/global.css';

// The page's first requests leave while the language's strings load.
preloadPublicPage();
await initPortalI18n();

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <PublicPetitionPage />
    </StrictMode>,
  );
}
