import { useId, useMemo, useState } from 'react';
import { InputField } from '../../../components/input-field';
import { QueryState } from '../../../components/query-state';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDoNotCallList } from '../api/get-do-not-call';
import { searchOf } from '../do-not-call-search';
import { DoNotCallRow } from './do-not-call-row';

/** The search waits for the typing to pause this long. */
const SEARCH_DELAY_MS = 300;

/** The listed numbers in number order, a page at a time, searched by their first digits. */
export function DoNotCallList({ removable }: { removable: boolean }) {
  const [input, setInput] = useState('');
  // A search that cannot be asked for keeps the last one that could on screen, its problem under the box.
  const [lastValid, setLastValid] = useState('');
  const search = useDebouncedValue(lastValid, SEARCH_DELAY_MS);
  const list = useDoNotCallList(search);
  const entries = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const titleId = useId();

  const type = (value: string) => {
    setInput(value);
    const typed = searchOf(value);
    if (typed.search !== undefined) setLastValid(typed.search);
  };

  return (
    <div className="do-not-call-list">
      <h3 id={titleId}>Listed numbers</h3>
      <InputField label="Search" type="search" inputMode="tel" autoComplete="off" hint="The first digits of the number, + optional." value={input} error={searchOf(input).error} onChange={(event) => type(event.target.value)} />
      <QueryState query={list} what="the list" />
      {list.data && <p role="status">{describeTotal(total, search)}</p>}
      {entries.length > 0 && (
        <div className="table-scroll">
          <table aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Reason</th>
                <th scope="col">Added</th>
                {removable && <th scope="col">Remove</th>}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <DoNotCallRow key={entry.phoneNumber} entry={entry} removable={removable} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage && (
        <div className="actions">
          <button type="button" className="secondary" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
          <span className="hint">
            Showing {entries.length.toLocaleString()} of {total.toLocaleString()}
          </span>
        </div>
      )}
    </div>
  );
}

function describeTotal(total: number, search: string): string {
  const numbers = `${total.toLocaleString()} ${total === 1 ? 'number' : 'numbers'}`;
  if (search) return `${numbers} starting with +${search.replace(/^\+/, '')}.`;
  return total === 0 ? 'No numbers on the list yet.' : `${numbers} on the list.`;
}
