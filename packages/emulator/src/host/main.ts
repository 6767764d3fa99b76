// Entry of the host page bundle (/__cif-emulator/host.js): reads the configuration the server embedded in
// the page, starts the host and exposes it as `window.cifEmulator` for the console and for tests.
import { startHost, type RunningHost } from './index.js';

declare global {
  interface Window {
    cifEmulator?: RunningHost;
  }
}

const element = document.getElementById('cif-emulator-config');
let input: unknown = {};
try {
  input = element?.textContent ? JSON.parse(element.textContent) : {};
} catch (error) {
  console.error('[cif-emulator] the embedded configuration is not JSON', error);
}
const root = document.getElementById('cif-emulator') ?? document.body;
window.cifEmulator = startHost(root, input, window.localStorage);
