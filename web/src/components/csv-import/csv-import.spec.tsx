import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../../testing/render-with-providers';
import type { CsvColumn, CsvRecord } from './csv-columns';
import { CsvImport } from './csv-import';
import type { RowOutcome } from './report';
import type { RowCheck } from './row-check';
import { ImportStoppedError } from './send-in-chunks';

interface Contact {
  phone: string;
  name: string;
}

const COLUMNS: [CsvColumn, ...CsvColumn[]] = [
  { name: 'phone', required: true, description: 'the number, + first.' },
  { name: 'name', description: 'who answers.' },
];

/** A number starts with +; a name is at most 10 characters. */
function checkContact({ phone = '', name = '' }: CsvRecord): RowCheck<Contact> {
  const problems = [
    ...(phone.startsWith('+') ? [] : [{ field: 'phone', message: 'phone must start with +' }]),
    ...(name.length > 10 ? [{ field: 'name', message: 'name is longer than 10 characters' }] : []),
  ];
  return problems.length > 0 ? { problems } : { value: { phone, name } };
}

type Result = { id: string } | { errors: { field: string; message: string }[] };

const describeResult = (result: Result): RowOutcome =>
  'id' in result ? { status: 'done', label: 'Created', link: { href: `#contact=${result.id}`, text: 'Open it' } } : { status: 'refused', problems: result.errors };

function renderImport(send: (rows: Contact[], onProgress: (sent: number) => void) => Promise<Result[]> = () => Promise.resolve([])) {
  const sendMock = jest.fn(send);
  const view = renderWithProviders(
    <CsvImport
      title="Import contacts"
      columns={COLUMNS}
      maxRows={10_000}
      noun={['contact', 'contacts']}
      verb="Create"
      checkRow={checkContact}
      send={sendMock}
      describeResult={describeResult}
      onClose={() => undefined}
    />,
  );
  const choose = (content: string, name = 'contacts.csv') => view.user.upload(screen.getByLabelText('CSV file'), new File([content], name, { type: 'text/csv' }));
  return { ...view, send: sendMock, choose };
}

const table = (name: string) => screen.getByRole('table', { name });
const rowOf = (name: string, number: number) => within(table(name)).getByRole('row', { name: new RegExp(`^${number} `) });

describe('CsvImport', () => {
  it('previews every row with its problems beside it, counts them and names the columns it will not import', async () => {
    const { choose } = renderImport();

    await choose('Phone,name,owner\n+14155550123,Ada\n4155550124,Grace Brewster Hopper\n+442071838750,Sam\n');

    await screen.findByRole('table', { name: 'Preview' });
    expect(screen.getByRole('status')).toHaveTextContent('2 rows ready, 1 with problems');
    expect(screen.getByText('Not known here, so not imported: owner.')).toBeVisible();
    expect(screen.getByText('The 1 row with problems will be left out; the report then offers them as a CSV file to fix.')).toBeVisible();
    expect(within(table('Preview')).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Row', 'phone', 'name', 'Problems']);
    expect(within(rowOf('Preview', 1)).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['+14155550123', 'Ada', 'Ready']);
    const bad = rowOf('Preview', 2);
    expect(bad).toHaveClass('row-problem');
    expect(within(bad).getByText('4155550124')).toHaveClass('cell-problem');
    expect(within(bad).getByText('Grace Brewster Hopper')).toHaveClass('cell-problem');
    expect(within(bad).getByText('Left out: phone must start with +; name is longer than 10 characters')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create 2 contacts' })).toBeEnabled();
  });

  it('names a required column the file lacks, and offers nothing to create', async () => {
    const { choose } = renderImport();

    await choose('mobile,name\n+14155550123,Ada\n');

    expect(await screen.findByText('Missing required column: phone.')).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('0 rows ready, 1 with problems');
    expect(screen.getByText('No row is ready: fix the file and choose it again.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Create 0 contacts' })).toBeDisabled();
  });

  it('sends only the rows without problems, shows the progress, then reports each row', async () => {
    let finish: (results: Result[]) => void = () => undefined;
    const { user, choose, send } = renderImport(
      (_rows, onProgress) =>
        new Promise((resolve) => {
          onProgress(1);
          finish = resolve;
        }),
    );
    await choose('phone,name\n+14155550123,Ada\nnope,Bob\n+442071838750,Sam\n');

    await user.click(await screen.findByRole('button', { name: 'Create 2 contacts' }));

    expect(send).toHaveBeenCalledWith([{ phone: '+14155550123', name: 'Ada' }, { phone: '+442071838750', name: 'Sam' }], expect.any(Function), expect.any(File));
    expect(screen.getByRole('progressbar', { name: 'Sending contacts…' })).toHaveAttribute('value', '1');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2');
    expect(screen.getByRole('button', { name: 'Close the import' })).toBeDisabled();

    finish([{ id: 'c-1' }, { errors: [{ field: 'phone', message: 'phone is taken' }] }]);

    expect(await screen.findByRole('heading', { name: 'Report' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('1 created · 1 refused by the server · 1 left out for problems in the file');
    expect(within(rowOf('Report', 1)).getByRole('link', { name: 'Open it' })).toHaveAttribute('href', '#contact=c-1');
    expect(rowOf('Report', 2)).toHaveTextContent('Left out: phone must start with +');
    expect(rowOf('Report', 3)).toHaveTextContent('Refused: phone is taken');
    expect(screen.getByRole('button', { name: 'Download rejected rows (CSV)' })).toBeVisible();
  });

  it('says where sending stopped, and reports the rows not sent', async () => {
    const { user, choose } = renderImport(() => Promise.reject(new ImportStoppedError([{ id: 'c-1' }], new Error('The API is unreachable.'))));
    await choose('phone\n+14155550123\n+442071838750\n+33142685300\n');

    await user.click(await screen.findByRole('button', { name: 'Create 3 contacts' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sending stopped after 1 of 3 rows. The API is unreachable. The rows not sent are among the rejected rows to download.',
    );
    expect(screen.getByRole('status')).toHaveTextContent('1 created · 2 not sent');
    expect(rowOf('Report', 3)).toHaveTextContent('Not sent: the import stopped before this row');
  });

  it('keeps ten thousand rows usable: only those in view are in the page', async () => {
    const { choose } = renderImport();
    const rows = Array.from({ length: 10_000 }, (_, index) => `+1415555${String(index).padStart(4, '0')},C${index}`);

    await choose(`phone,name\n${rows.join('\n')}\n`);

    await screen.findByRole('table', { name: 'Preview' });
    expect(screen.getByRole('status')).toHaveTextContent(`${(10_000).toLocaleString()} rows ready, 0 with problems`);
    expect(table('Preview')).toHaveAttribute('aria-rowcount', '10001');
    expect(within(table('Preview')).getAllByRole('row').length).toBeLessThan(60);
    expect(screen.getByRole('button', { name: `Create ${(10_000).toLocaleString()} contacts` })).toBeEnabled();
  });

  it.each([
    ['too many rows', `phone\n${'+14155550123\n'.repeat(10_001)}`, 'contacts.csv', `contacts.csv has ${(10_001).toLocaleString()} rows: at most ${(10_000).toLocaleString()} can be imported at once.`],
    ['no rows', '', 'contacts.csv', 'contacts.csv is empty.'],
    ['no CSV', 'phone\n+14155550123\n', 'contacts.pdf', 'contacts.pdf is not a CSV file'],
  ])('refuses a file with %s, saying why and sending nothing', async (_case, content, name, problem) => {
    const { send } = renderImport();
    // The file input accepts CSV only, which a browser's picker goes by and a drop may not.
    const user = userEvent.setup({ applyAccept: false });

    await user.upload(screen.getByLabelText('CSV file'), new File([content], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/pdf' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(problem);
    expect(screen.queryByRole('button', { name: /^Create/ })).not.toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
  });

  it('starts again with another file after the report', async () => {
    const { user, choose } = renderImport(() => Promise.resolve([{ id: 'c-1' }]));
    await choose('phone\n+14155550123\n');
    await user.click(await screen.findByRole('button', { name: 'Create 1 contact' }));
    await screen.findByRole('heading', { name: 'Report' });

    await user.click(screen.getByRole('button', { name: 'Import another file' }));

    await waitFor(() => expect(screen.getByLabelText('CSV file')).toHaveValue(''));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
