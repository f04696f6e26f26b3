import startTestServices from '@call-scheduler/testing/dist/jest-global-setup.js';
import { findChromium } from './chromium';

/** Chromium first: without one the run stops here, saying how to get one, before any service starts. */
export default async function globalSetup(): Promise<void> {
  findChromium();
  await startTestServices();
}
