import type { Actor, Lang, Permission } from '@kefu/shared';

/** Who is acting, from where: passed to every use case, recorded in the audit log. */
export interface RequestActor extends Actor {
  roles: string[];
  departmentId: string | null;
  username: string;
  /** a temporary password (first start, reset by the admin): only the password change is allowed */
  mustChangePassword?: boolean;
}

export interface Ctx {
  actor: RequestActor;
  ip: string | null;
  requestId: string | null;
  lang: Lang;
}

/** The actor of work the system does by itself (migrations, demo data, scheduled jobs). */
export function systemCtx(permissions: Iterable<Permission> = []): Ctx {
  return {
    actor: {
      id: '00000000-0000-0000-0000-000000000000',
      kind: 'user',
      name: '系统',
      username: 'system',
      roles: [],
      departmentId: null,
      permissions: new Set(permissions),
    },
    ip: null,
    requestId: null,
    lang: 'zh-CN',
  };
}
