/**
 * The routes (code-based). Every page is its own lazily loaded chunk, so the sign-in screen
 * loads only the shell and the login page (scripts/check-login-bundle.mjs holds it to 400 KB).
 */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { type Me, meQuery } from '../features/auth/auth.api';
import { isApiError } from './api-client';
import { PageSpinner } from '../ui/page-spinner';
import { RouteError } from '../ui/route-error';
import { applyLanguage, currentLocale } from './i18n';
import { validateEntrySearch } from '../features/entries/entry-search';
import { validateReportSearch } from '../features/reports/report-search';
import { validateCommendationSearch } from '../features/commendations/commendation-search';
import { validatePetitionSearch } from '../features/petitions/petition-search';
import { validateDueSearch } from '../features/work-queue/due-search';
import { validateCalendarSearch, validateDigestSearch } from '../features/work-queue/calendar-search';
import { validatePolicyDocumentSearch } from '../features/policy-documents/policy-document-search';
import { validateProgramSearch } from '../features/coordination/coordination-search';
import { validateRollupSearch, validateTaskSearch } from '../features/tasks/task-search';
import { validateRoundDetailSearch, validateRoundListSearch } from '../features/reporting-rounds/round-search';
import { validateWorkingSessionSearch } from '../features/working-sessions/working-session-search';
import { validateReligiousSearch } from '../features/religious-affairs/religious-search';
import { validateSituationSearch, validateSituationSummarySearch } from '../features/situation-reports/situation-search';
import { validateDialogueSearch } from '../features/petitions/dialogue-search';
import { validateHotspotSearch } from '../features/hotspots/hotspot-search';
import { validateGrassrootsSearch } from '../features/grassroots/grassroots-search';
import { validateSupervisionSearch } from '../features/supervision/supervision-search';
import { landingPath } from '../features/work-queue/landing';

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
  // Who edits or approves opens on today's work; viewers and unit administrators on the figures of their scope.
  beforeLoad: ({ context }) => {
    throw redirect({ to: landingPath(context.me) });
  },
});

const workQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work-queue',
  component: lazyRouteComponent(() => import('../features/work-queue/work-queue-page'), 'WorkQueuePage'),
});

/** The lists the work queue opens for tasks and commitments (`?unitId=…&due=due_soon|overdue`). */
const reviewTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/review-tasks',
  validateSearch: (search: Record<string, unknown>) => validateDueSearch(search),
  component: lazyRouteComponent(() => import('../features/work-queue/due-tasks-page'), 'DueTasksPage'),
});

const commitmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commitments',
  validateSearch: (search: Record<string, unknown>) => validateDueSearch(search),
  component: lazyRouteComponent(() => import('../features/work-queue/due-commitments-page'), 'DueCommitmentsPage'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  // The same filters as the report page, in the URL: a drill-down is a new URL, so "back" goes up again.
  validateSearch: (search: Record<string, unknown>) => validateReportSearch(search),
  component: lazyRouteComponent(() => import('../features/reports/dashboard-page'), 'DashboardPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports',
  validateSearch: (search: Record<string, unknown>) => validateReportSearch(search),
  component: lazyRouteComponent(() => import('../features/reports/reports-page'), 'ReportsPage'),
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

const unitSuccessorsRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: '$unitId/successors',
  component: lazyRouteComponent(() => import('../features/units/set-successors-page'), 'SetSuccessorsPage'),
});

const successionReviewRoute = createRoute({
  getParentRoute: () => unitsRoute,
  path: 'successions',
  component: lazyRouteComponent(() => import('../features/units/succession-review-page'), 'SuccessionReviewPage'),
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

const entriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entries',
  // The filters live in the URL, so a filtered list can be shared and survives a reload.
  validateSearch: (search: Record<string, unknown>) => validateEntrySearch(search),
  component: lazyRouteComponent(() => import('../features/entries/entries-page'), 'EntriesPage'),
});

const entryCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entries/new',
  component: lazyRouteComponent(() => import('../features/entries/entry-form-page'), 'EntryCreatePage'),
});

const entriesImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entries/import',
  component: lazyRouteComponent(() => import('../features/entries/entries-import-page'), 'EntriesImportPage'),
});

const entryDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entries/$entryId',
  component: lazyRouteComponent(() => import('../features/entries/entry-detail-page'), 'EntryDetailPage'),
});

const entryEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/entries/$entryId/edit',
  component: lazyRouteComponent(() => import('../features/entries/entry-form-page'), 'EntryEditPage'),
});

const commendationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commendations',
  // The filters live in the URL, like the entries list's.
  validateSearch: (search: Record<string, unknown>) => validateCommendationSearch(search),
  component: lazyRouteComponent(() => import('../features/commendations/commendations-page'), 'CommendationsPage'),
});

const commendationDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/commendations/$commendationId',
  component: lazyRouteComponent(() => import('../features/commendations/commendation-detail-page'), 'CommendationDetailPage'),
});

const cataloguesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/catalogues',
  component: lazyRouteComponent(() => import('../features/catalogues/catalogues-page'), 'CataloguesPage'),
});

const conferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conferences',
  component: lazyRouteComponent(() => import('../features/conferences/conference-list-page'), 'ConferenceListPage'),
});

const conferenceDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/conferences/$conferenceId',
  component: lazyRouteComponent(() => import('../features/conferences/conference-detail-page'), 'ConferenceDetailPage'),
});

const reviewsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reviews',
  component: lazyRouteComponent(() => import('../features/reviews/review-list-page'), 'ReviewListPage'),
});

const reviewDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reviews/$reviewId',
  component: lazyRouteComponent(() => import('../features/reviews/review-detail-page'), 'ReviewDetailPage'),
});

const petitionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/petitions',
  validateSearch: (search: Record<string, unknown>) => validatePetitionSearch(search),
  component: lazyRouteComponent(() => import('../features/petitions/petitions-page'), 'PetitionsPage'),
});

const petitionIntakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/petitions/new',
  component: lazyRouteComponent(() => import('../features/petitions/petition-intake-page'), 'PetitionIntakePage'),
});

const petitionDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/petitions/$petitionId',
  component: lazyRouteComponent(() => import('../features/petitions/petition-detail-page'), 'PetitionDetailPage'),
});

const petitionReceiptRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/petitions/$petitionId/receipt',
  component: lazyRouteComponent(() => import('../features/petitions/petition-receipt-page'), 'PetitionReceiptPage'),
});

const holidaysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/holidays',
  component: lazyRouteComponent(() => import('../features/petitions/holidays-page'), 'HolidaysPage'),
});

const receptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reception',
  component: lazyRouteComponent(() => import('../features/petitions/reception-page'), 'ReceptionPage'),
});

const dialogueConferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dialogue-conferences',
  validateSearch: (search: Record<string, unknown>) => validateDialogueSearch(search),
  component: lazyRouteComponent(() => import('../features/petitions/dialogue-conferences-page'), 'DialogueConferencesPage'),
});

const receptionDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reception/$sessionId',
  component: lazyRouteComponent(() => import('../features/petitions/reception-detail-page'), 'ReceptionDetailPage'),
});

const policyDocumentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/policy-documents',
  // The search and filters live in the URL, like the other lists'.
  validateSearch: (search: Record<string, unknown>) => validatePolicyDocumentSearch(search),
  component: lazyRouteComponent(() => import('../features/policy-documents/policy-document-list-page'), 'PolicyDocumentListPage'),
});

const policyDocumentDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/policy-documents/$documentId',
  // The roll-up's unit (`?unitId=…`): a drill-down is a new URL, so "back" goes up again.
  validateSearch: (search: Record<string, unknown>) => validateRollupSearch(search),
  component: lazyRouteComponent(() => import('../features/policy-documents/policy-document-detail-page'), 'PolicyDocumentDetailPage'),
});

const implementationPlanRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/implementation-plans/$planId',
  component: lazyRouteComponent(() => import('../features/tasks/plan-page'), 'PlanPage'),
});

const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: (search: Record<string, unknown>) => validateTaskSearch(search),
  component: lazyRouteComponent(() => import('../features/tasks/task-list-page'), 'TaskListPage'),
});

const taskDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  component: lazyRouteComponent(() => import('../features/tasks/task-detail-page'), 'TaskDetailPage'),
});

/** The calendar of deadlines (`?unitId=…&month=2026-12&day=2026-12-05`). */
const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  validateSearch: (search: Record<string, unknown>) => validateCalendarSearch(search),
  component: lazyRouteComponent(() => import('../features/work-queue/calendar-page'), 'CalendarPage'),
});

/** The leadership loop's daily digest of a unit's subtree (`?unitId=…&day=…`). */
const leadershipDigestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leadership-digest',
  validateSearch: (search: Record<string, unknown>) => validateDigestSearch(search),
  component: lazyRouteComponent(() => import('../features/work-queue/leadership-digest-page'), 'LeadershipDigestPage'),
});

const reportingRoundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reporting-rounds',
  validateSearch: (search: Record<string, unknown>) => validateRoundListSearch(search),
  component: lazyRouteComponent(() => import('../features/reporting-rounds/round-list-page'), 'RoundListPage'),
});

const reportingRoundDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reporting-rounds/$roundId',
  // The drill-down (unitId) and the participants' filters live in the URL: "back" goes up again.
  validateSearch: (search: Record<string, unknown>) => validateRoundDetailSearch(search),
  component: lazyRouteComponent(() => import('../features/reporting-rounds/round-detail-page'), 'RoundDetailPage'),
});

const roundSubmissionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reporting-rounds/$roundId/submit/$unitId',
  component: lazyRouteComponent(() => import('../features/reporting-rounds/submission-page'), 'SubmissionPage'),
});

const coordinationProgramsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination-programs',
  validateSearch: (search: Record<string, unknown>) => validateProgramSearch(search),
  component: lazyRouteComponent(() => import('../features/coordination/program-list-page'), 'ProgramListPage'),
});

const coordinationProgramDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/coordination-programs/$programId',
  component: lazyRouteComponent(() => import('../features/coordination/program-detail-page'), 'ProgramDetailPage'),
});

const workingSessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/working-sessions',
  validateSearch: (search: Record<string, unknown>) => validateWorkingSessionSearch(search),
  component: lazyRouteComponent(() => import('../features/working-sessions/working-session-list-page'), 'WorkingSessionListPage'),
});

const workingSessionDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/working-sessions/$sessionId',
  component: lazyRouteComponent(() => import('../features/working-sessions/working-session-detail-page'), 'WorkingSessionDetailPage'),
});

const religiousAffairsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/religious-affairs',
  validateSearch: (search: Record<string, unknown>) => validateReligiousSearch(search),
  component: lazyRouteComponent(() => import('../features/religious-affairs/religious-affairs-page'), 'ReligiousAffairsPage'),
});

const situationReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/situation-reports',
  validateSearch: (search: Record<string, unknown>) => validateSituationSearch(search),
  component: lazyRouteComponent(() => import('../features/situation-reports/situation-list-page'), 'SituationListPage'),
});

const situationReportDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/situation-reports/$reportId',
  component: lazyRouteComponent(() => import('../features/situation-reports/situation-report-page'), 'SituationReportPage'),
});

const situationSummaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/situation-summary',
  validateSearch: (search: Record<string, unknown>) => validateSituationSummarySearch(search),
  component: lazyRouteComponent(() => import('../features/situation-reports/situation-summary-page'), 'SituationSummaryPage'),
});

const hotspotsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hotspots',
  validateSearch: (search: Record<string, unknown>) => validateHotspotSearch(search),
  component: lazyRouteComponent(() => import('../features/hotspots/hotspot-list-page'), 'HotspotListPage'),
});

const hotspotNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hotspots/new',
  component: lazyRouteComponent(() => import('../features/hotspots/hotspot-new-page'), 'HotspotNewPage'),
});

const hotspotDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hotspots/$hotspotId',
  component: lazyRouteComponent(() => import('../features/hotspots/hotspot-detail-page'), 'HotspotDetailPage'),
});

const grassrootsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/grassroots',
  validateSearch: (search: Record<string, unknown>) => validateGrassrootsSearch(search),
  component: lazyRouteComponent(() => import('../features/grassroots/grassroots-page'), 'GrassrootsPage'),
});

const supervisionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/supervision',
  validateSearch: (search: Record<string, unknown>) => validateSupervisionSearch(search),
  component: lazyRouteComponent(() => import('../features/supervision/supervision-page'), 'SupervisionPage'),
});

// The citizens' page /petition is not a route of this app: it is its own document (petition.html).
const routeTree = rootRoute.addChildren([
  loginRoute,
  changePasswordRoute,
  appRoute.addChildren([
    indexRoute,
    workQueueRoute,
    reviewTasksRoute,
    commitmentsRoute,
    dashboardRoute,
    reportsRoute,
    unitsRoute.addChildren([unitsIndexRoute, unitDetailRoute, addOrganizationRoute, renameUnitRoute, unitSuccessorsRoute, successionReviewRoute]),
    usersRoute,
    createUserRoute,
    userDetailRoute,
    auditRoute,
    entriesRoute,
    entryCreateRoute,
    entriesImportRoute,
    entryDetailRoute,
    entryEditRoute,
    commendationsRoute,
    commendationDetailRoute,
    cataloguesRoute,
    conferencesRoute,
    conferenceDetailRoute,
    reviewsRoute,
    reviewDetailRoute,
    petitionsRoute,
    petitionIntakeRoute,
    petitionDetailRoute,
    petitionReceiptRoute,
    receptionRoute,
    receptionDetailRoute,
    dialogueConferencesRoute,
    holidaysRoute,
    policyDocumentsRoute,
    policyDocumentDetailRoute,
    implementationPlanRoute,
    tasksRoute,
    taskDetailRoute,
    calendarRoute,
    leadershipDigestRoute,
    reportingRoundsRoute,
    reportingRoundDetailRoute,
    roundSubmissionRoute,
    coordinationProgramsRoute,
    coordinationProgramDetailRoute,
    workingSessionsRoute,
    workingSessionDetailRoute,
    religiousAffairsRoute,
    situationReportsRoute,
    situationReportDetailRoute,
    situationSummaryRoute,
    hotspotsRoute,
    hotspotNewRoute,
    hotspotDetailRoute,
    grassrootsRoute,
    supervisionRoute,
  ]),
]);

/** Plain query strings (`?year=2025,2026&status=draft`), readable and shareable, instead of JSON-encoded values. */
function parseSearch(searchStr: string): Record<string, unknown> {
  return Object.fromEntries(new URLSearchParams(searchStr));
}

function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

export function createAppRouter(queryClient: QueryClient) {
  const router = createRouter({
    routeTree,
    parseSearch,
    stringifySearch,
    context: { queryClient },
    defaultPendingComponent: PageSpinner,
    defaultErrorComponent: RouteError,
    defaultPreload: 'intent',
    // TanStack Query caches the data; the router need not.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
  // While the account's password is the temporary one an administrator set, the server answers
  // every call but the password change with PASSWORD_CHANGE_REQUIRED (even when the cached account
  // still says otherwise): reload the account and go to the change page from wherever it came.
  const onError = (error: unknown) => {
    if (!isApiError(error, 'PASSWORD_CHANGE_REQUIRED')) return;
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    if (router.state.location.pathname !== '/change-password') void router.navigate({ to: '/change-password' });
  };
  queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  queryClient.getMutationCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'error') onError(event.action.error);
  });
  return router;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
