/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The API of a real GraphToken service; unset = demo mode against the in-browser mock. */
  readonly VITE_GRAPHTOKEN_BASE_URL?: string;
}
