import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render-with-providers';
import { CallTime } from './call-time';

const AT = '2026-11-25T10:04:00.000Z';

describe('CallTime', () => {
  it.each([
    ['Europe/Berlin', /\b(11:04\s?AM|11:04)\b/],
    ['America/New_York', /\b(5:04\s?AM|05:04)\b/],
    ['Asia/Kolkata', /\b(3:34\s?PM|15:34)\b/],
  ])('shows the instant as it reads in %s, with how far away it is', (timeZone, wallTime) => {
    renderWithProviders(<CallTime at={AT} now={new Date('2026-11-25T10:00:00.000Z')} />, { timeZone });

    const absolute = screen.getByText(wallTime);
    expect(absolute.closest('time')).toHaveAttribute('datetime', AT);
    expect(absolute.closest('time')).toHaveTextContent(/in 4 min\.?$/);
  });

  it('says how long ago a past instant was', () => {
    renderWithProviders(<CallTime at={AT} now={new Date('2026-11-25T12:34:00.000Z')} />, { timeZone: 'Europe/Berlin' });
    expect(screen.getByText(/^2 hr\.? ago$/)).toBeInTheDocument();
  });

  it('says "now" when it is due', () => {
    renderWithProviders(<CallTime at={AT} now={new Date(AT)} />);
    expect(screen.getByText('now')).toBeInTheDocument();
  });
});
