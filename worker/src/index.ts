export { createActivities, type CallActivities, type StatusCallbacks } from './activities';
export { createCallWorker, workflowSource, type CallWorker } from './call-worker';
export { CONNECT_AHEAD_MS } from './activities/place-call-when-due.activity';
export { ProviderClient } from './provider/provider.client';
