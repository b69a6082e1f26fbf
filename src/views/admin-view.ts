/** The operator's users page and the delete confirmation: dates in words, and which row is the operator's own. */
import type { AdminUserRow } from '../repositories/users-repository.js';
import { formatDate } from './session-view.js';

function adminUserView(row: AdminUserRow) {
  return {
    ...row,
    createdLabel: formatDate(row.createdAt),
    lastActiveLabel: row.lastActiveAt ? formatDate(row.lastActiveAt) : '—',
  };
}

export function adminUsersPageData(list: { rows: readonly AdminUserRow[]; total: number }, limit: number, selfId: string) {
  return {
    title: 'Users',
    users: list.rows.map(adminUserView),
    total: list.total,
    limit,
    selfId,
  };
}

export function adminUserDeletePageData(user: AdminUserRow, selfId: string) {
  return { title: 'Delete a user', user: adminUserView(user), self: user.id === selfId };
}
