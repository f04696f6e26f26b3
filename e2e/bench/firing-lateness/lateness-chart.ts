import { writeFile } from 'node:fs/promises';
import type { RoundResult } from './round';

/** Box plots of every measured dial's lateness, one row of systems per burst size, drawn by Vega-Lite as SVG. */
export async function writeLatenessChart(path: string, rounds: readonly RoundResult[]): Promise<void> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const values = rounds.flatMap((round) => round.latenessMs.map((latenessMs) => ({ system: round.system, burst: `${round.calls} calls due in one second`, latenessMs })));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Firing lateness at the provider (all repeats; box: quartiles, whiskers: min–max)',
    data: { values },
    facet: { row: { field: 'burst', type: 'nominal', title: null, sort: 'ascending' } },
    spec: {
      width: 640,
      mark: { type: 'boxplot', extent: 'min-max' },
      encoding: {
        x: { field: 'latenessMs', type: 'quantitative', title: 'received at the provider − scheduledAt (ms)' },
        y: { field: 'system', type: 'nominal', title: null, axis: { labelLimit: 320 } },
        color: { field: 'system', type: 'nominal', legend: null },
      },
    },
  } as const;
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  await writeFile(path, await view.toSVG());
  view.finalize();
}
