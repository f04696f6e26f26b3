import { useId } from 'react';
import type { Noun } from './count';

/** How many of the rows have been sent, as a bar and in words. */
export function ImportProgress({ sent, total, noun }: { sent: number; total: number; noun: Noun }) {
  const id = useId();
  const text = `${sent.toLocaleString()} of ${total.toLocaleString()}`;
  return (
    <div className="import-progress">
      <label htmlFor={id}>Sending {noun[1]}…</label>
      <progress id={id} max={total} value={sent}>
        {text}
      </progress>
      <p role="status">{text}</p>
    </div>
  );
}
