/** `attain/server`: the HTTP API (and the dashboard, when built) as a hono app over a store. */
export type { AppOptions } from '../server/app-env.js';
export { type AttainApp, createApp } from '../server/create-app.js';
