import type { CsvColumn } from './csv-columns';
import { parseCsvFile, type ParsedCsv } from './parse-csv';

const COLUMNS: CsvColumn[] = [
  { name: 'phoneNumber', required: true, description: 'the number', aliases: ['phone', 'number', 'phone_number'] },
  { name: 'reason', description: 'why' },
];

function csvFile(content: string, name = 'numbers.csv', type = 'text/csv'): File {
  return new File([content], name, { type });
}

async function parsed(content: string, maxRows = 10_000): Promise<ParsedCsv> {
  const { csv, problem } = await parseCsvFile(csvFile(content), COLUMNS, maxRows);
  if (!csv) throw new Error(`expected the file to be read, got: ${problem}`);
  return csv;
}

async function problemOf(file: File, maxRows = 10_000): Promise<string | undefined> {
  return (await parseCsvFile(file, COLUMNS, maxRows)).problem;
}

afterEach(() => jest.restoreAllMocks());

describe('parseCsvFile', () => {
  it('reads quoted values holding commas, doubled quotes and line breaks, never splitting on a comma inside quotes', async () => {
    const csv = await parsed('phoneNumber,reason\n"+1 415, 555 0123","said ""never"", twice"\n+442071838750,"two\nlines"\n');

    expect(csv.records).toEqual([
      { phoneNumber: '+1 415, 555 0123', reason: 'said "never", twice' },
      { phoneNumber: '+442071838750', reason: 'two\nlines' },
    ]);
    expect(csv.rowProblems.size).toBe(0);
  });

  it('drops a byte order mark and reads CRLF line ends, skipping blank lines', async () => {
    const csv = await parsed('\ufeffphoneNumber,reason\r\n+14155550123,asked\r\n\r\n  \r\n+442071838750,\r\n');

    expect(csv.headers).toEqual(['phoneNumber', 'reason']);
    expect(csv.records).toEqual([
      { phoneNumber: '+14155550123', reason: 'asked' },
      { phoneNumber: '+442071838750', reason: '' },
    ]);
  });

  it.each(['phone', 'Number', 'PHONE_NUMBER', ' phoneNumber '])('reads the header %p as phoneNumber', async (header) => {
    const csv = await parsed(`${header},Reason\n+14155550123,asked\n`);

    expect(csv.headers).toEqual(['phoneNumber', 'reason']);
    expect(csv.records).toEqual([{ phoneNumber: '+14155550123', reason: 'asked' }]);
    expect(csv.missingColumns).toEqual([]);
  });

  it('names the columns it does not know and the required ones missing', async () => {
    const csv = await parsed('mobile,reason,owner\n+14155550123,asked,sam\n');

    expect(csv.unknownColumns).toEqual(['mobile', 'owner']);
    expect(csv.missingColumns).toEqual(['phoneNumber']);
  });

  it('reads a file separated by semicolons, as spreadsheets save it in much of Europe', async () => {
    const csv = await parsed('phoneNumber;reason\n+33142685300;dit non, merci\n');

    expect(csv.records).toEqual([{ phoneNumber: '+33142685300', reason: 'dit non, merci' }]);
  });

  it('marks a row with more values than the header has columns', async () => {
    const csv = await parsed('phoneNumber,reason\n+14155550123,asked\n\n+442071838750,asked,twice\n');

    expect(csv.rowProblems).toEqual(new Map([[1, [{ field: 'row', message: 'row has more values than the header row has columns' }]]]));
    expect(csv.records[1]).toEqual({ phoneNumber: '+442071838750', reason: 'asked' });
  });

  it('takes as many rows as allowed, and refuses one more', async () => {
    const rows = (count: number) => `phoneNumber\n${Array.from({ length: count }, (_, index) => `+1415555${String(index).padStart(4, '0')}`).join('\n')}\n`;

    expect((await parsed(rows(10_000))).records).toHaveLength(10_000);
    expect(await problemOf(csvFile(rows(10_001)))).toBe(
      `numbers.csv has ${(10_001).toLocaleString()} rows: at most ${(10_000).toLocaleString()} can be imported at once. Split it into smaller files.`,
    );
  });

  it.each([
    ['an empty file', '', 'numbers.csv is empty.'],
    ['blank lines only', '\n \r\n', 'numbers.csv is empty.'],
    ['a header row alone', 'phoneNumber,reason\r\n', 'numbers.csv has a header row but no rows under it.'],
    ['a quote left open', 'phoneNumber,reason\n+14155550123,"asked\n+442071838750,x\n', 'numbers.csv has a quote left open or out of place: fix the quotes and choose it again.'],
    ['a column twice', 'phone,number\n+14155550123,+14155550123\n', 'The header row of numbers.csv names phoneNumber more than once (perhaps by another name): keep one.'],
  ])('refuses %s', async (_case, content, problem) => {
    // Papa warns of the repeated header on the console, besides saying so in its result.
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await problemOf(csvFile(content))).toBe(problem);
  });

  it('refuses a file that is not CSV, by its name or by its content', async () => {
    const notCsv = 'is not a CSV file: save it as CSV (comma-separated values) and choose it again.';
    expect(await problemOf(csvFile('phoneNumber\n+14155550123\n', 'numbers.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))).toBe(`numbers.xlsx ${notCsv}`);
    expect(await problemOf(csvFile('PK\u0003\u0004\u0000\u0000binary', 'numbers.csv'))).toBe(`numbers.csv ${notCsv}`);
  });

  it('takes a file of another name that says it is CSV', async () => {
    expect(await problemOf(csvFile('phoneNumber\n+14155550123\n', 'export', 'text/csv'))).toBeUndefined();
  });
});
