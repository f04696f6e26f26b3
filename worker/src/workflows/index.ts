export { callWorkflow } from './call.workflow';
