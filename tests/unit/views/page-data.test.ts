/**
 * The dashboard, account and admin pages' data, built in src/views from what the services
 * return (issue 15: routes stay thin). Pinned whole, so the pages cannot change by accident.
 */
import { describe, expect, it } from 'vitest';
import { Errors } from '../../../src/errors.js';
import type { VisitorIdentity } from '../../../src/services/account-service.js';
import { dashboardPageData } from '../../../src/views/dashboard-view.js';
import { accountFormErrorData, accountPageData, deletePageData, keepEmail, loginPageData, registerPageData } from '../../../src/views/account-view.js';
import { adminUserDeletePageData, adminUsersPageData } from '../../../src/views/admin-view.js';
import { PASSWORD_MIN_LENGTH } from '../../../src/security/passwords.js';

const march = new Date('2026-03-04T09:05:00Z');
const april = new Date('2026-04-01T17:30:00Z');

describe('dashboard page data', () => {
  it('sends each interview where it can go on, with its status and creation time in words', () => {
    const rows = [
      { id: 'd1', jobTitle: 'Nurse', companyName: 'St Mary', status: 'draft' as const, createdAt: march, overallScore: null },
      { id: 'p1', jobTitle: 'Engineer', companyName: 'Acme', status: 'in_progress' as const, createdAt: april, overallScore: null },
      { id: 'c1', jobTitle: 'Analyst', companyName: 'Bank', status: 'completed' as const, createdAt: april, overallScore: 7 },
    ];
    expect(dashboardPageData(rows)).toEqual({
      title: 'My interviews',
      sessions: [
        { ...rows[0], href: '/session/d1/upload', statusLabel: 'Setting up', createdLabel: '4 Mar 2026, 09:05 UTC' },
        { ...rows[1], href: '/session/p1/interview', statusLabel: 'In progress', createdLabel: '1 Apr 2026, 17:30 UTC' },
        { ...rows[2], href: '/session/c1/feedback', statusLabel: 'Completed', createdLabel: '1 Apr 2026, 17:30 UTC' },
      ],
    });
    expect(dashboardPageData([])).toEqual({ title: 'My interviews', sessions: [] });
  });
});

describe('account page data', () => {
  const visitor: VisitorIdentity = { id: 'u1', email: 'sam@example.com', isAdmin: false };
  const token = { id: 't1', userId: 'u1', name: 'CI', scopes: ['read' as const], createdAt: march, lastUsedAt: null };

  it('shows the visitor, the password rule, the operator claim and the tokens, with one just made', () => {
    expect(accountPageData({ visitor, operatorClaim: true, apiTokens: [token], newApiToken: 'rh.t1.secret' })).toEqual({
      title: 'Your account',
      account: visitor,
      passwordMin: PASSWORD_MIN_LENGTH,
      operatorClaim: true,
      apiTokens: [token],
      newApiToken: 'rh.t1.secret',
    });
  });

  it('opens the register, sign-in and delete pages with their titles and nothing typed', () => {
    expect(registerPageData()).toEqual({ title: 'Create an account', values: {}, passwordMin: PASSWORD_MIN_LENGTH });
    expect(loginPageData()).toEqual({ title: 'Sign in', values: {} });
    expect(deletePageData(visitor)).toEqual({ title: 'Delete all my data', account: visitor });
  });

  it('sends a refused form back with its messages and the email typed, never a password', () => {
    const error = Errors.invalidForm({ email: 'Enter an email address.' });
    const typed = { email: 'x'.repeat(400), password: 'hunter22' };
    const values = keepEmail(typed);
    expect(values).toEqual({ email: 'x'.repeat(300) });
    expect(accountFormErrorData('Sign in', error, { values })).toEqual({
      title: 'Sign in',
      error,
      fieldErrors: { email: 'Enter an email address.' },
      passwordMin: PASSWORD_MIN_LENGTH,
      values,
    });
    expect(keepEmail({})).toEqual({ email: '' });
  });
});

describe('admin page data', () => {
  const guest = { id: 'g1', email: null, createdAt: march, lastActiveAt: null, sessionCount: 0 };
  const member = { id: 'u1', email: 'sam@example.com', createdAt: march, lastActiveAt: april, sessionCount: 3 };

  it('lists users with their dates in words (a dash when never active), the total and the operator’s own id', () => {
    expect(adminUsersPageData({ rows: [member, guest], total: 2 }, 500, 'u1')).toEqual({
      title: 'Users',
      users: [
        { ...member, createdLabel: '4 Mar 2026, 09:05 UTC', lastActiveLabel: '1 Apr 2026, 17:30 UTC' },
        { ...guest, createdLabel: '4 Mar 2026, 09:05 UTC', lastActiveLabel: '—' },
      ],
      total: 2,
      limit: 500,
      selfId: 'u1',
    });
  });

  it('says on the delete confirmation whether the user is the operator themself', () => {
    expect(adminUserDeletePageData(member, 'u1')).toEqual({
      title: 'Delete a user',
      user: { ...member, createdLabel: '4 Mar 2026, 09:05 UTC', lastActiveLabel: '1 Apr 2026, 17:30 UTC' },
      self: true,
    });
    expect(adminUserDeletePageData(guest, 'u1').self).toBe(false);
  });
});
