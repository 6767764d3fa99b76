// `pnpm start`: starts the product. Until the reference softphone lands, that is Storybook (dev server),
// on PORT (default 6006), bound to localhost.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '6006';
console.log(`Starting Storybook on http://localhost:${port}/ …`);
const child = spawn(
  'pnpm',
  ['exec', 'storybook', 'dev', '--port', port, '--host', '127.0.0.1', '--no-open', '--ci'],
  { stdio: 'inherit', env: process.env },
);
child.on('close', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
