/**
 * The routes (code-based). Every page is its own lazily loaded chunk, so the sign-in screen
 * loads only the shell and the login page (scripts/check-login-bundle.mjs holds it to 400 KB).
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { type Me, meQuery } from '../features/auth/auth.api';
import { PageSpinner } from '../ui/page-spinner';
import { RouteError } from '../ui/route-error';
import { applyLanguage, currentLocale } from './i18n';

export type RouterContext = { queryClient: QueryClient };

/** The signed-in account (in the account's language), or a redirect to the sign-in page. */
async function requireAccount(queryClient: QueryClient, href: string): Promise<Me> {
  const me = await queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: '/login', search: { redirect: href } });
  if (me.locale !== currentLocale()) await applyLanguage(me.locale);
  return me;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: lazyRouteComponent(() => import('../ui/not-found-page'), 'NotFoundPage'),
});

type LoginSearch = { redirect?: string };

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): LoginSearch =>
    // Only paths of this app: never an open redirect to another site.
    typeof search.redirect === 'string' && search.redirect.startsWith('/') && !search.redirect.startsWith('//') ? { redirect: search.redirect } : {},
  component: lazyRouteComponent(() => import('../features/auth/login-page'), 'LoginPage'),
});

const changePasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/change-password',
  beforeLoad: async ({ context, location }) => ({ me: await requireAccount(context.queryClient, location.href) }),
  component: lazyRouteComponent(() => import('../features/auth/change-password-page'), 'ChangePasswordPage'),
});

/** Everything behind sign-in, inside the app layout. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await requireAccount(context.queryClient, location.href);
    if (me.mustChangePassword) throw redirect({ to: '/change-password' });
    return { me };
  },
  component: lazyRouteComponent(() => import('./app-layout'), 'AppLayout'),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/units' });
  },
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  component: lazyRouteComponent(() => import('../features/units/units-page'), 'UnitsPage'),
});

const unitsIndexRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../features/units/units-welcome'), 'UnitsWelcome'),
});

const unitDetailRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: '$unitId',
  component: lazyRouteComponent(() => import('../features/units/unit-detail-page'), 'UnitDetailPage'),
});

const addOrganizationRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: '$unitId/add-organization',
  component: lazyRouteComponent(() => import('../features/units/add-organization-page'), 'AddOrganizationPage'),
});

const renameUnitRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: '$unitId/rename',
  component: lazyRouteComponent(() => import('../features/units/rename-unit-page'), 'RenameUnitPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('../features/users/users-page'), 'UsersPage'),
});

const createUserRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/new',
  component: lazyRouteComponent(() => import('../features/users/user-create-page'), 'UserCreatePage'),
});

const userDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$userId',
  component: lazyRouteComponent(() => import('../features/users/user-detail-page'), 'UserDetailPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('../features/audit/audit-page'), 'AuditPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  appRoute.addChildren([
    indexRoute,
    unitsRoute.addChildren([unitsIndexRoute, unitDetailRoute, addOrganizationRoute, renameUnitRoute]),
    usersRoute,
    createUserRoute,
    userDetailRoute,
    auditRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PageSpinner,
    defaultErrorComponent: RouteError,
    defaultPreload: 'intent',
    // TanStack Query caches the data; the router need not.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
