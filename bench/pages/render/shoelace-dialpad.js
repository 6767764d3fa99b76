// A dialpad of 12 Shoelace buttons in a grid, importing only the button module: the comparison for
// <cif-dialpad>'s first render.
import '@shoelace-style/shoelace/dist/components/button/button.js';
import { deepQueryAll, mount } from './settle.js';

const KEYS = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];
const grid = document.createElement('div');
grid.setAttribute('role', 'group');
grid.setAttribute('aria-label', 'Dialpad');
grid.style.cssText = 'display:grid;grid-template-columns:repeat(3,3.5rem);gap:.5rem';
for (const [digit, letters] of KEYS) {
  const button = document.createElement('sl-button');
  button.setAttribute('size', 'large');
  button.setAttribute('pill', '');
  button.setAttribute('aria-label', letters ? `${digit} ${letters}` : digit);
  button.textContent = digit;
  grid.append(button);
}
void mount(grid, () =>
  deepQueryAll('sl-button').every((b) => b.shadowRoot?.querySelector('button')),
);
