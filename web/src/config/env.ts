/** Settings baked in at build time, read once. */
export const env = {
  /** Base URL of the Temporal Web UI, where each call's workflow history can be inspected. */
  temporalUiUrl: import.meta.env.VITE_TEMPORAL_UI_URL || 'http://localhost:8233',
} as const;
