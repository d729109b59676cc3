import { useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { SESSION_KEY, useSessionQuery } from '../features/auth/api';
import { SessionProvider } from '../features/auth/session';
import { setUnauthorizedHandler } from '../lib/api-client';
import { errorText } from '../lib/api-error';
import { useT } from './i18n/use-t';

/** The signed-in part of the app: without a session (or when it ends, any 401) the sign-in page. */
export function SessionGate() {
  const t = useT();
  const location = useLocation();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setEnded(true);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  if (session.isPending) return <Spin size="large" fullscreen />;
  if (session.isError) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorText(session.error)}
        extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} state={{ ended }} replace />;
  }
  return (
    <SessionProvider user={session.data.user}>
      <Outlet />
    </SessionProvider>
  );
}
