import { render, screen } from '@testing-library/react';
import { App } from './app';

const realFetch = global.fetch;

beforeEach(() => {
  global.fetch = jest.fn(() => Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve({ items: [], nextCursor: null }) } as Response));
});

afterAll(() => {
  global.fetch = realFetch;
});

describe('App', () => {
  it('says what it is and links to the API docs and the Temporal Web UI', async () => {
    render(<App temporalUiUrl="http://localhost:8080" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Call Scheduler' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'API docs' })).toHaveAttribute('href', '/api/docs');
    expect(screen.getByRole('link', { name: 'Temporal Web UI' })).toHaveAttribute('href', 'http://localhost:8080');
    expect(await screen.findByText('No calls yet.')).toBeInTheDocument();
  });
});
