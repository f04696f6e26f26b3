import { CALL_STATUSES, type CallOverviewDto } from '@call-scheduler/shared';
import { useId } from 'react';
import { QueryState } from '../../../components/query-state';
import { CALL_STATUS_LABELS } from '../../calls/call-status-labels';
import { useCallOverview } from '../api/get-call-overview';
import { formatClock, overviewTotals, sumOf } from '../overview-text';
import { OverviewChart, type ChartPoint } from './overview-chart';

/** The campaign at a glance, above the list: the account's calls, or the batch the list is filtered to. */
export function CampaignOverview({ batchId }: { batchId: string | undefined }) {
  const overview = useCallOverview(batchId);
  const id = useId();
  return (
    <section className="panel campaign-overview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{batchId ? 'Batch overview' : 'Overview'}</h2>
      <QueryState query={overview} what="the overview" />
      {overview.data && <OverviewCharts overview={overview.data} />}
    </section>
  );
}

function OverviewCharts({ overview }: { overview: CallOverviewDto }) {
  const byStatus: ChartPoint[] = CALL_STATUSES.map((status) => ({ label: CALL_STATUS_LABELS[status], value: overview.byStatus[status] }));
  const dials: ChartPoint[] = overview.dialsPerMinute.map(({ minute, dials }) => ({ label: formatClock(minute), value: dials }));
  const due: ChartPoint[] = overview.duePerHour.map(({ hour, calls }) => ({ label: formatClock(hour), value: calls }));
  const busiest = Math.max(0, ...dials.map(({ value }) => value));

  return (
    <>
      <p className="overview-totals">{overviewTotals(overview)}</p>
      <div className="overview-charts">
        <OverviewChart
          title="Calls by status"
          summary={`${sumOf(byStatus.map(({ value }) => value)).toLocaleString()} in all, now`}
          data={byStatus}
          columns={['Status', 'Calls']}
          layout="categories"
        />
        <OverviewChart
          title="Dials per minute"
          summary={`Last hour; at most ${busiest.toLocaleString()} in a minute`}
          data={dials}
          columns={['Minute', 'Dials']}
          layout="time"
        />
        <OverviewChart
          title="Calls due per hour"
          summary={`Next 24 hours; ${sumOf(due.map(({ value }) => value)).toLocaleString()} in all`}
          data={due}
          columns={['Hour', 'Calls']}
          layout="time"
        />
      </div>
    </>
  );
}
