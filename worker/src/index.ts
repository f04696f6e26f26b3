export { createActivities, type CallActivities } from './activities';
export { createCallWorker, workflowSource, type CallWorker } from './call-worker';
export { ProviderClient } from './provider/provider.client';
