export { createActivities, type CallActivities } from './activities';
export { createCallWorker, workflowSource } from './call-worker';
export { ProviderClient } from './provider/provider.client';
