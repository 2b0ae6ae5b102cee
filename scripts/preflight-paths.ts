/** Where the tests find Chromium, and how to get it: shared by the preflight and the browser tests. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_HINT = `Browser tests need Chromium at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium or Chrome binary).`;
