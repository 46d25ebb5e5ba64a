/** A person local mode lets you sign in as, in place of a Cognito user. */
export interface DemoUser {
  /** Short key used in the sign-in cookie and the simulator API (`minjun`, `admin`, …). */
  key: string;
  /** Cognito `sub`: fixed, so sessions persisted in LOCAL_DATA_FILE keep their owners. */
  sub: string;
  email: string;
  name: string;
  groups: string[];
}

/**
 * Employees in the portal's three languages, a developer who may also use the Staging
 * endpoint, and one administrator, who is in the admin group the settings name
 * (`vpn-admins` by default).
 */
export function demoUsers(adminGroup: string): DemoUser[] {
  return [
    {
      key: 'minjun',
      sub: '1b0e6a4c-0001-4c1e-9a57-6b3d2f1a0001',
      email: 'minjun.kim@example.com',
      name: '김민준',
      groups: ['employees'],
    },
    {
      key: 'hanako',
      sub: '1b0e6a4c-0002-4c1e-9a57-6b3d2f1a0002',
      email: 'hanako.sato@example.com',
      name: '佐藤 花子',
      groups: ['employees'],
    },
    {
      key: 'emma',
      sub: '1b0e6a4c-0003-4c1e-9a57-6b3d2f1a0003',
      email: 'emma.wilson@example.com',
      name: 'Emma Wilson',
      groups: ['employees'],
    },
    {
      // Issue 18: the one demo user who may use both simulated endpoints (Staging is for
      // `developers`); everyone else sees Seoul office alone, on the page of before.
      key: 'seojun',
      sub: '1b0e6a4c-0005-4c1e-9a57-6b3d2f1a0005',
      email: 'seojun.park@example.com',
      name: '박서준',
      groups: ['employees', 'developers'],
    },
    {
      key: 'admin',
      sub: '1b0e6a4c-0004-4c1e-9a57-6b3d2f1a0004',
      email: 'alex.admin@example.com',
      name: 'Alex Admin',
      groups: ['employees', adminGroup],
    },
  ];
}

export function isAdmin(user: DemoUser, adminGroup: string): boolean {
  return user.groups.includes(adminGroup);
}
