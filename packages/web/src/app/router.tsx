import { Spin } from 'antd';
import { Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { useSession } from '../features/auth/session';
import { CrashPage, NotFoundPage, ForbiddenPage, NothingYetPage } from './StatusPages';
import { AppLayout } from './layout/AppLayout';
import { flattenNav, NAV_ITEMS, visibleNav } from './nav';
import { APP_ROUTES, type AppRoute } from './routes';
import { SessionGate } from './SessionGate';

function Guarded({ route }: { route: AppRoute }) {
  const { can } = useSession();
  if (route.anyOf && !route.anyOf.some(can)) return <ForbiddenPage />;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <route.Page />
    </Suspense>
  );
}

/** `/` goes to the first area this user may see. */
function Home() {
  const { can } = useSession();
  const first = flattenNav(visibleNav(NAV_ITEMS, can))[0];
  return first?.to ? <Navigate to={first.to} replace /> : <NothingYetPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    element: <SessionGate />,
    errorElement: <CrashPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          ...APP_ROUTES.map((route) => ({ path: route.path, element: <Guarded route={route} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
