import { CALL_STATUSES } from '@call-scheduler/shared';
import { render, screen } from '@testing-library/react';
import { CALL_STATUS_LABELS } from '../call-status-labels';
import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  it.each(CALL_STATUSES)('shows %s by its label, with a class of its own', (status) => {
    render(<StatusBadge status={status} />);
    expect(screen.getByText(CALL_STATUS_LABELS[status])).toHaveClass('badge', `badge-${status.replaceAll('_', '-')}`);
  });

  it.each([
    ['in_progress', 'In progress'],
    ['no_answer', 'No answer'],
    ['scheduled', 'Scheduled'],
  ] as const)('writes %s in words: "%s"', (status, label) => {
    render(<StatusBadge status={status} />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });

  it('gives every status a distinct label and class', () => {
    const badges = CALL_STATUSES.map((status) => {
      const { container, unmount } = render(<StatusBadge status={status} />);
      const badge = { text: container.textContent, className: container.firstElementChild?.className };
      unmount();
      return badge;
    });
    expect(new Set(badges.map((badge) => badge.text)).size).toBe(CALL_STATUSES.length);
    expect(new Set(badges.map((badge) => badge.className)).size).toBe(CALL_STATUSES.length);
  });
});
