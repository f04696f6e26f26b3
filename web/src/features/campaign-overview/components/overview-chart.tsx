import { useId } from 'react';
import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  label: string;
  value: number;
}

export interface OverviewChartProps {
  title: string;
  /** A sentence under the title: the chart's gist for everyone. */
  summary: string;
  data: ChartPoint[];
  /** The table's column headings, for screen readers: ['Status', 'Calls']. */
  columns: readonly [label: string, value: string];
  /** Bars across, a label and a count each (categories); or upright along a time axis. */
  layout: 'categories' | 'time';
}

const HEIGHT_PX = { categories: 220, time: 140 };
/** What the chart lays itself out in before it can measure its card (and in tests, where nothing is laid out). */
const INITIAL_WIDTH_PX = 300;

/**
 * One small bar chart in a card. The SVG says nothing to a screen reader: it is hidden from one,
 * and a visually hidden table carries the same numbers.
 */
export function OverviewChart({ title, summary, data, columns, layout }: OverviewChartProps) {
  const id = useId();
  return (
    <section className="overview-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="hint">{summary}</p>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={HEIGHT_PX[layout]} initialDimension={{ width: INITIAL_WIDTH_PX, height: HEIGHT_PX[layout] }}>
          {layout === 'categories' ? <CategoryBars data={data} name={columns[1]} /> : <TimeBars data={data} name={columns[1]} />}
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden" aria-labelledby={`${id}-title`}>
        <thead>
          <tr>
            <th scope="col">{columns[0]}</th>
            <th scope="col">{columns[1]}</th>
          </tr>
        </thead>
        <tbody>
          {data.map(({ label, value }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CategoryBars({ data, name }: { data: ChartPoint[]; name: string }) {
  return (
    <BarChart data={data} layout="vertical" margin={{ top: 0, right: 32, bottom: 0, left: 0 }}>
      <XAxis type="number" hide allowDecimals={false} />
      <YAxis type="category" dataKey="label" width={80} interval={0} tick={{ fontSize: 11 }} />
      <Bar dataKey="value" name={name} fill="var(--accent)" isAnimationActive={false}>
        <LabelList dataKey="value" position="right" fontSize={11} />
      </Bar>
    </BarChart>
  );
}

function TimeBars({ data, name }: { data: ChartPoint[]; name: string }) {
  return (
    <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
      <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
      <YAxis width={32} allowDecimals={false} tick={{ fontSize: 11 }} />
      <Tooltip />
      <Bar dataKey="value" name={name} fill="var(--accent)" isAnimationActive={false} />
    </BarChart>
  );
}
