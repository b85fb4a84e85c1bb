import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import ConfigProvider from 'antd/es/config-provider';
import Drawer from 'antd/es/drawer';
import Layout from 'antd/es/layout';
import Menu from 'antd/es/menu';
import Typography from 'antd/es/typography';
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../features/auth/auth.api';
import { hasPermission } from '../features/auth/use-can';
import { hasWorkQueue } from '../features/work-queue/landing';
import { WorkQueueMenuLabel } from '../features/work-queue/work-queue-menu-label';
import { PrintHeader } from '../ui/print-header';
import { useScreen } from '../ui/use-screen';
import { LanguageSwitcher } from './language-switcher';

const { Header, Sider, Content } = Layout;

function MenuIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M3 6h18M3 12h18M3 18h18" />
    </svg>
  );
}

/**
 * The signed-in frame: side menu (by permission), the account, the language, sign-out.
 * From 992 px the menu stands beside the page; narrower, a one-row header holds a menu button and
 * the menu slides over the page in a drawer (from the right in Arabic) with the account, language
 * and sign-out, so a phone's width goes to the page. On paper only the page and its print header remain.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const top = pathname.split('/')[1] ?? 'units';
  // A plan is reached from its document: the menu keeps "Văn bản lãnh đạo, chỉ đạo" lit.
  const section = top === 'implementation-plans' ? 'policy-documents' : top === 'leadership-digest' ? 'work-queue' : top;
  const { drawerNav } = useScreen();
  const { direction } = useContext(ConfigProvider.ConfigContext);
  const [menuOpen, setMenuOpen] = useState(false);

  // Following a link (or going back) closes the drawer: the page it opens is what the user wants to see.
  useEffect(() => setMenuOpen(false), [pathname]);

  const items = [
    hasWorkQueue(me) && { key: 'work-queue', label: <WorkQueueMenuLabel /> },
    hasPermission(me, 'units.read') && { key: 'dashboard', label: <Link to="/dashboard">{t('nav.dashboard')}</Link> },
    hasPermission(me, 'units.read') && { key: 'entries', label: <Link to="/entries">{t('nav.entries')}</Link> },
    hasPermission(me, 'units.read') && { key: 'policy-documents', label: <Link to="/policy-documents">{t('nav.policyDocuments')}</Link> },
    hasPermission(me, 'units.read') && { key: 'working-sessions', label: <Link to="/working-sessions">{t('nav.workingSessions')}</Link> },
    hasPermission(me, 'units.read') && { key: 'hotspots', label: <Link to="/hotspots">{t('nav.hotspots')}</Link> },
    hasPermission(me, 'units.read') && { key: 'tasks', label: <Link to="/tasks">{t('nav.tasks')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reporting-rounds', label: <Link to="/reporting-rounds">{t('nav.reportingRounds')}</Link> },
    hasPermission(me, 'units.read') && { key: 'calendar', label: <Link to="/calendar">{t('nav.calendar')}</Link> },
    hasPermission(me, 'units.read') && { key: 'coordination-programs', label: <Link to="/coordination-programs">{t('nav.coordinationPrograms')}</Link> },
    hasPermission(me, 'units.read') && { key: 'situation-reports', label: <Link to="/situation-reports">{t('nav.situation')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reviews', label: <Link to="/reviews">{t('nav.reviews')}</Link> },
    hasPermission(me, 'units.read') && { key: 'conferences', label: <Link to="/conferences">{t('nav.conferences')}</Link> },
    hasPermission(me, 'units.read') && { key: 'commendations', label: <Link to="/commendations">{t('nav.commendations')}</Link> },
    hasPermission(me, 'units.read') && { key: 'religious-affairs', label: <Link to="/religious-affairs">{t('nav.religiousAffairs')}</Link> },
    hasPermission(me, 'units.read') && { key: 'grassroots', label: <Link to="/grassroots">{t('nav.grassroots')}</Link> },
    hasPermission(me, 'units.read') && { key: 'supervision', label: <Link to="/supervision">{t('nav.supervision')}</Link> },
    hasPermission(me, 'units.read') && { key: 'petitions', label: <Link to="/petitions">{t('nav.petitions')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reception', label: <Link to="/reception">{t('nav.reception')}</Link> },
    hasPermission(me, 'units.read') && { key: 'dialogue-conferences', label: <Link to="/dialogue-conferences">{t('nav.dialogueConferences')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reports', label: <Link to="/reports">{t('nav.reports')}</Link> },
    hasPermission(me, 'units.read') && { key: 'units', label: <Link to="/units">{t('nav.units')}</Link> },
    // Adding a field needs units.write (POST /api/entry-fields); forms and periods need system.manage, which system admins hold along with units.write.
    hasPermission(me, 'units.write') && { key: 'catalogues', label: <Link to="/catalogues">{t('nav.catalogues')}</Link> },
    hasPermission(me, 'users.read') && { key: 'users', label: <Link to="/users">{t('nav.users')}</Link> },
    hasPermission(me, 'audit.read') && { key: 'audit', label: <Link to="/audit">{t('nav.audit')}</Link> },
  ].filter((item) => item !== false);

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => void navigate({ to: '/login' }),
    });

  const brand = <div className="app-brand">{t('app.title')}</div>;
  const nav = (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" selectedKeys={[section]} items={items} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
  const accountName = (
    <Typography.Text strong data-testid="account-name" ellipsis>
      {me?.displayName}
    </Typography.Text>
  );
  const signOutButton = (
    <Button onClick={signOut} loading={logout.isPending}>
      {t('auth.signOut')}
    </Button>
  );
  // The unit a printout is made for: the officer's own (an account rarely holds grants in several).
  const printUnit = [...new Set((me?.grants ?? []).map((g) => g.unitName))].join(', ');

  return (
    <AntdApp>
      <Layout style={{ minHeight: '100vh' }}>
        {!drawerNav && (
          <Sider theme="light" width={220} className="screen-only" data-testid="side-menu">
            {brand}
            {nav}
          </Sider>
        )}
        <Layout>
          {drawerNav ? (
            <Header className="app-header app-header-compact screen-only">
              <Button type="text" icon={<MenuIcon />} aria-label={t('nav.open')} aria-expanded={menuOpen} onClick={() => setMenuOpen(true)} data-testid="menu-button" />
              <span className="app-header-title">{t('app.title')}</span>
            </Header>
          ) : (
            <Header className="app-header screen-only">
              {accountName}
              <LanguageSwitcher showLabel={false} />
              {signOutButton}
            </Header>
          )}
          {drawerNav && (
            <Drawer
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              placement={direction === 'rtl' ? 'right' : 'left'}
              size={280}
              title={brand}
              rootClassName="screen-only"
              styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
              data-testid="menu-drawer"
            >
              <div className="drawer-account">{accountName}</div>
              {nav}
              <div className="drawer-footer">
                <LanguageSwitcher showLabel />
                {signOutButton}
              </div>
            </Drawer>
          )}
          <Content className="app-content">
            <PrintHeader unit={printUnit} person={me?.displayName ?? ''} />
            <main>
              <Outlet />
            </main>
          </Content>
        </Layout>
      </Layout>
    </AntdApp>
  );
}
