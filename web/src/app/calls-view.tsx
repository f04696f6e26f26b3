import { useAccount } from '../features/account/api/get-account';
import { CallDetail } from '../features/calls/components/call-detail';
import { CallForm } from '../features/calls/components/call-form';
import { CallList } from '../features/calls/components/call-list';
import { CallUpload } from '../features/calls/components/call-upload';
import { callHref, useSelectedCall } from '../features/calls/selected-call';
import { useCallFilters } from '../features/calls/use-call-filters';
import { CampaignOverview } from '../features/campaign-overview/components/campaign-overview';

/** The form, the upload of many calls, the overview and list of calls, and the call open in the URL beside them. */
export function CallsView() {
  const [selectedId, select] = useSelectedCall();
  const defaultWindow = useAccount().data?.defaultWindow ?? null;
  const filters = useCallFilters();

  /** Back to where the operator was: the call's row, when it is on screen. */
  const closeDetail = (id: string) => {
    select(null);
    document.querySelector<HTMLElement>(`a[href="${callHref(id)}"]`)?.focus();
  };

  return (
    <main className="layout">
      <div className="main-column">
        <CallForm defaultWindow={defaultWindow} />
        <CallUpload />
        <CampaignOverview batchId={filters.applied.batchId} />
        <CallList selectedId={selectedId} filters={filters} />
      </div>
      {selectedId && <CallDetail key={selectedId} id={selectedId} onClose={() => closeDetail(selectedId)} />}
    </main>
  );
}
