#!/usr/bin/env node
// The cif-emulator command (runs from source: the browser parts are bundled with esbuild at start).
import { main } from '../src/server/cli.js';

main(process.argv.slice(2)).then(
  (emulator) => {
    if (!emulator) return;
    const stop = () => {
      emulator.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
