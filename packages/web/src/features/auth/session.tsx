import type { SessionUser } from '@kefu/shared/auth';
import type { Permission } from '@kefu/shared/permissions';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

interface SessionState {
  user: SessionUser;
  can: (permission: Permission) => boolean;
}
const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ user, children }: { user: SessionUser; children: ReactNode }) {
  const value = useMemo(() => {
    const granted = new Set<Permission>(user.permissions);
    return { user, can: (p: Permission) => granted.has(p) };
  }, [user]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user and what they may do; only inside the signed-in part of the app. */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
