/** The dashboard ("My interviews"): each interview with where to go next, its status and date in words. */
import type { SessionListItem } from '../repositories/sessions-repository.js';
import { formatDate, sessionHref, statusLabel } from './session-view.js';

export function dashboardPageData(sessions: readonly SessionListItem[]) {
  return {
    title: 'My interviews',
    sessions: sessions.map((s) => ({
      ...s,
      href: sessionHref(s),
      statusLabel: statusLabel(s.status),
      createdLabel: formatDate(s.createdAt),
    })),
  };
}
