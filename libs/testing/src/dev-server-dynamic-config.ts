/** A setting of the Temporal server, by its dynamic config key. */
export type DynamicConfig = Readonly<Record<string, string | number | boolean>>;

/**
 * What `npm start`'s Temporal dev server, the tests' and the bench's run with beyond the defaults, as
 * deploy/temporal/dynamicconfig.yaml sets it for docker-compose.yml. Eager activity dispatch: the server
 * hands the activities a workflow task schedules on its own task queue back in the answer to that task's
 * completion, to the worker that completed it, instead of through another poll of the queue. Each step of
 * a call (a projection write, a reservation) then costs the server less; docs/PERFORMANCE.md has the figures.
 */
export const DEV_SERVER_DYNAMIC_CONFIG: DynamicConfig = { 'system.enableActivityEagerExecution': true };

/** `temporal server start-dev` arguments for those settings. */
export function dynamicConfigArgs(config: DynamicConfig): string[] {
  return Object.entries(config).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}
