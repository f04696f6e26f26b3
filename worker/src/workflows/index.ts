export { callWorkflow } from './call.workflow';
export { scheduledCallWorkflow } from './scheduled-call.workflow';
