import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import AntdApp from 'antd/es/app';
import Button from 'antd/es/button';
import Layout from 'antd/es/layout';
import Menu from 'antd/es/menu';
import Typography from 'antd/es/typography';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../features/auth/auth.api';
import { hasPermission } from '../features/auth/use-can';
import { LanguageSwitcher } from './language-switcher';

const { Header, Sider, Content } = Layout;

/** The signed-in frame: side menu (by permission), the account, the language, sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const section = pathname.split('/')[1] ?? 'units';

  const items = [
    hasPermission(me, 'units.read') && { key: 'dashboard', label: <Link to="/dashboard">{t('nav.dashboard')}</Link> },
    hasPermission(me, 'units.read') && { key: 'entries', label: <Link to="/entries">{t('nav.entries')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reviews', label: <Link to="/reviews">{t('nav.reviews')}</Link> },
    hasPermission(me, 'units.read') && { key: 'conferences', label: <Link to="/conferences">{t('nav.conferences')}</Link> },
    hasPermission(me, 'units.read') && { key: 'commendations', label: <Link to="/commendations">{t('nav.commendations')}</Link> },
    hasPermission(me, 'units.read') && { key: 'petitions', label: <Link to="/petitions">{t('nav.petitions')}</Link> },
    hasPermission(me, 'units.read') && { key: 'reception', label: <Link to="/reception">{t('nav.reception')}</Link> },
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

  return (
    <AntdApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider breakpoint="lg" collapsedWidth={0} theme="light" width={220}>
          <div style={{ padding: '16px 20px', fontWeight: 600, color: '#b71c1c' }}>{t('app.title')}</div>
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[section]} items={items} />
          </nav>
        </Sider>
        <Layout>
          <Header style={{ background: '#fff', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16, paddingInline: 24, flexWrap: 'wrap' }}>
            <Typography.Text strong data-testid="account-name">
              {me?.displayName}
            </Typography.Text>
            <LanguageSwitcher showLabel={false} />
            <Button onClick={signOut} loading={logout.isPending}>
              {t('auth.signOut')}
            </Button>
          </Header>
          <Content style={{ padding: 24 }}>
            <main>
              <Outlet />
            </main>
          </Content>
        </Layout>
      </Layout>
    </AntdApp>
  );
}
