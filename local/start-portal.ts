/** `npm start` (through local/start.ts): the whole portal on one machine, at http://localhost:3000 (PORT overrides). Ctrl-C stops it all. */
import { apiPath } from '#ui/paths.ts';
import { DATA_DIR, startPortal } from './portal.ts';

const port = Number(process.env.PORT ?? 3000);
let portal: Awaited<ReturnType<typeof startPortal>>;
try {
  portal = await startPortal({ port, dataDir: DATA_DIR });
} catch (error) {
  const message =
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? `Port ${port} is in use. Try: PORT=3001 npm start`
      : (error as Error).message;
  console.error(message);
  process.exit(1);
}

console.log(`Front Door is running at ${portal.url}  (data in .data/, Ctrl-C to stop)`);
console.log(`E-mails it sends: ${portal.inboxUrl}`);
console.log(`Staff work cases at ${portal.url}${apiPath('staffSignIn')}`);
console.log(`Events for agency systems: ${portal.agencyEvents.bus.eventsUrl}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    portal.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
