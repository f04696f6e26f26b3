import { describeProblems, type RowProblem } from './row-check';

/** A row's problems in one line, all of them in its tooltip when they overflow it. */
export function ProblemsCell({ label, problems }: { label: string; problems: RowProblem[] }) {
  const text = `${label}: ${describeProblems(problems)}`;
  return (
    <td className="problems" title={text}>
      {text}
    </td>
  );
}
