/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Base URL of the Temporal Web UI, baked in at build time. */
  readonly VITE_TEMPORAL_UI_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
