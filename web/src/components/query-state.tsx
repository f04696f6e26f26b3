export interface QueryStateProps {
  query: { isPending: boolean; error: Error | null };
  /** What is loading, for the error: "the users". */
  what: string;
}

/** "Loading…" while a query first loads, or why it could not load; nothing once it has. */
export function QueryState({ query, what }: QueryStateProps) {
  if (query.error) {
    return (
      <p role="alert" className="error">
        Could not load {what}: {query.error.message}
      </p>
    );
  }
  return query.isPending ? <p>Loading…</p> : null;
}
