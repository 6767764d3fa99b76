// `pnpm start`: the product. The emulated Dynamics 365 (its seeded org) with the reference softphone
// framed in the channel panel, both on loopback, bundled from the TypeScript sources (no build needed).
//
//   PORT=5300 pnpm start            the host at http://localhost:5300/, the softphone at 127.0.0.1:5301
//   pnpm start -- --api 1           a CIF 1.0 (single-session) app instead of CIF 2.0
//
// Ctrl+C stops both servers.
import { parseArgs } from 'node:util';
import { startDevStack } from '../packages/softphone/scripts/dev-server.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { api: { type: 'string' }, port: { type: 'string' } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 5178);
if (!Number.isInteger(port) || port < 0 || port > 65534) {
  console.error(`PORT must be a number from 0 to 65534 (got ${values.port ?? process.env.PORT})`);
  process.exit(1);
}
const apiText = values.api ?? process.env.CIF_API ?? '2';
if (apiText !== '1' && apiText !== '2') {
  console.error(`--api must be 1 or 2 (got ${apiText})`);
  process.exit(1);
}

console.log('Starting the emulated Dynamics 365 with the CIF Elements softphone …');
let stack;
try {
  stack = await startDevStack({ port, api: apiText === '1' ? 1 : 2 });
} catch (error) {
  const busy = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
  console.error(
    busy
      ? `Port ${port} is in use: set another with PORT=<port> pnpm start`
      : `Could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

console.log(`
  Dynamics 365 (emulated, CIF ${stack.api}.0) with the softphone: ${stack.url}

  Softphone (its own origin):  ${stack.widgetUrl}
  CIF library:                 ${stack.libraryUrl}

  Ring it from the "Call simulator" tab; click a phone number on a contact to dial.
  Ctrl+C stops both servers.
`);
for (const warning of stack.warnings) console.warn(`  warning: ${warning}`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1); // a second Ctrl+C: now
  stopping = true;
  void stack.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
