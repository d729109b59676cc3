import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES, PERMISSIONS, ROLE_NAMES, can, type Permission } from '../src/permissions';

const role = (name: string) => {
  const r = BUILTIN_ROLES.find((x) => x.name === name);
  if (!r) throw new Error(name);
  return new Set<Permission>(r.permissions);
};
const customerData = PERMISSIONS.filter((p) => p.startsWith('customer:'));

describe('built-in roles (SPEC §1)', () => {
  it('ships exactly the roles of SPEC §1, each with Chinese and English labels', () => {
    expect(BUILTIN_ROLES.map((r) => r.name).sort()).toEqual([...ROLE_NAMES].sort());
    for (const r of BUILTIN_ROLES) expect(r.labelZh && r.labelEn).toBeTruthy();
  });

  it('uses only known permissions, each once', () => {
    for (const r of BUILTIN_ROLES) {
      expect(new Set(r.permissions).size).toBe(r.permissions.length);
      for (const p of r.permissions) expect(PERMISSIONS).toContain(p);
    }
  });

  // role, permission, granted
  const table: [string, Permission, boolean][] = [
    ['manager', 'customer:read_all', true],
    ['manager', 'customer:export_approve', true],
    ['manager', 'customer:close', true],
    ['manager', 'customer:settings', true],
    ['manager', 'audit:read', true],
    ['manager', 'user:manage', false],
    ['manager', 'role:manage', false],
    ['manager', 'apikey:manage', false],
    ['supervisor', 'customer:read_all', true],
    ['supervisor', 'customer:assign', true],
    ['supervisor', 'customer:merge', true],
    ['supervisor', 'customer:reveal', true],
    ['supervisor', 'customer:export_approve', false],
    ['supervisor', 'customer:close', false],
    ['agent', 'customer:read', true],
    ['agent', 'customer:create', true],
    ['agent', 'customer:update', true],
    ['agent', 'customer:read_all', false], // scope: own customers only
    ['agent', 'customer:reveal', false],
    ['agent', 'customer:assign', false],
    ['agent', 'customer:close', false],
    ['agent', 'customer:export_request', false],
    ['archivist', 'customer:import', true],
    ['archivist', 'customer:close', true],
    ['archivist', 'customer:export_request', true],
    ['archivist', 'customer:export_approve', false],
    ['complaints', 'customer:read_all', true],
    ['complaints', 'customer:update', false],
    ['complaints', 'customer:reveal', false],
    ['membership', 'customer:update', true],
    ['membership', 'customer:reveal', false],
    ['admin', 'user:manage', true],
    ['admin', 'role:manage', true],
    ['admin', 'apikey:manage', true],
    ['admin', 'audit:read', true],
  ];
  it.each(table)('%s has %s: %s', (name, permission, granted) => {
    expect(can({ permissions: role(name) }, permission)).toBe(granted);
  });

  it.each(customerData)('a department handler has no %s (sees only what is transferred to them)', (p) => {
    expect(role('handler').has(p)).toBe(false);
  });

  it.each(customerData)('the admin has no %s (no customer data by default)', (p) => {
    expect(role('admin').has(p)).toBe(false);
  });

  it('nobody may approve their own export by default except the manager role', () => {
    expect(BUILTIN_ROLES.filter((r) => r.permissions.includes('customer:export_approve')).map((r) => r.name)).toEqual(['manager']);
  });
});
