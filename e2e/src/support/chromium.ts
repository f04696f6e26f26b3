import { existsSync } from 'node:fs';

/** Where Chrome or Chromium usually lives: Debian and Ubuntu, Google's packages, snap, macOS. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The machine's Chromium, CHROMIUM_PATH first: browsers cannot be downloaded on these machines, so Playwright drives the system one. */
export function findChromium(): string {
  const given = process.env.CHROMIUM_PATH;
  if (given && !existsSync(given)) throw instruction(`CHROMIUM_PATH is ${given}, which does not exist: point it at a Chrome or Chromium binary`);
  const found = given || USUAL_PATHS.find((path) => existsSync(path));
  if (!found) throw instruction('No Chromium found for the browser tests: `apt-get install chromium`, or set CHROMIUM_PATH to a Chrome or Chromium binary');
  return found;
}

/** An error that tells a person what to do: one line, which a stack trace would only bury. */
function instruction(message: string): Error {
  return Object.assign(new Error(message), { stack: message });
}
