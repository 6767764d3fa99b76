import { setLocale } from '@cif-elements/base';
import '@cif-elements/base/locales/ar.js';
import '@cif-elements/base/locales/de.js';
import '@cif-elements/base/locales/es.js';
import '@cif-elements/base/locales/fr.js';
import '@cif-elements/base/locales/he.js';
import '@cif-elements/base/locales/it.js';
import '@cif-elements/base/locales/ja.js';
import '@cif-elements/base/locales/nl.js';
import '@cif-elements/base/locales/pt-BR.js';
import '@cif-elements/base/locales/zh-CN.js';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from 'virtual:cif-manifest';
import { withEventActions } from './actions.js';
import { forcedColorsNote, setForcedColorsPreview } from './forced-colors.js';
import { extractArgTypes, extractComponentDescription } from './manifest.js';

setCustomElementsManifest(manifest);

/** Set by vitest.config.ts: the theme, direction and locale a story-test project runs every story in. */
declare const __CIF_STORY_MODE__: string | undefined;
const storyTestMode: Record<string, string> =
  typeof __CIF_STORY_MODE__ === 'string'
    ? (JSON.parse(__CIF_STORY_MODE__) as Record<string, string>)
    : {};

/** The widths of the Dynamics 365 channel panel a CIF widget lives in. */
const panelViewports = {
  cifPanel300: {
    name: 'CIF panel 300 px (minimum)',
    styles: { width: '300px', height: '640px' },
    type: 'desktop',
  },
  cifPanel340: {
    name: 'CIF panel 340 px (default)',
    styles: { width: '340px', height: '640px' },
    type: 'desktop',
  },
  cifPanel378: {
    name: 'CIF panel 378 px',
    styles: { width: '378px', height: '640px' },
    type: 'desktop',
  },
} as const;

/**
 * Applies the toolbar globals to the whole preview document, as a widget page would: the theme as
 * `data-cif-theme` on <html> (or the forced-colors preview, see ./forced-colors.ts), the locale through
 * the kit's `setLocale` and `<html lang>`, the direction on <html dir>, the density as
 * `data-cif-density`.
 */
const withGlobals: Decorator = (story, context) => {
  const { theme, locale, dir, density } = {
    ...(context.globals as Record<string, string | undefined>),
    ...storyTestMode,
  };
  const root = document.documentElement;
  // A story may ask for the preview itself (`parameters.cifForcedColors`), whatever the toolbar says.
  const forced =
    (context.parameters.cifForcedColors as 'light' | 'dark' | undefined) ??
    (theme === 'forced-light' ? 'light' : theme === 'forced-dark' ? 'dark' : undefined);
  const scheme = forced ?? theme;
  if (scheme === 'dark' || scheme === 'light') root.setAttribute('data-cif-theme', scheme);
  else root.removeAttribute('data-cif-theme');
  setForcedColorsPreview(forced);
  root.lang = locale ?? 'en';
  setLocale(locale && locale !== 'en' ? locale : undefined);
  if (dir === 'rtl' || dir === 'ltr') root.dir = dir;
  else root.removeAttribute('dir');
  root.setAttribute('data-cif-density', density ?? 'comfortable');
  document.body.style.background = 'var(--cif-color-surface)';
  document.body.style.color = 'var(--cif-color-on-surface)';
  if (!forced) return story();
  return html`<p class="cif-forced-colors-note" role="note">${forcedColorsNote}</p>
    ${story()}`;
};

/**
 * The components' views load with `import()` as soon as an element connects. Loading them before a story
 * renders means every story, its play function and its axe check see the rendered components, not the
 * empty moment before a view arrives.
 */
const loadViews = async (): Promise<Record<string, never>> => {
  await Promise.all([
    import('../packages/dialpad/src/dialpad-behaviour.js'),
    import('../packages/incoming-call-toast/src/toast-view.js'),
    import('../packages/call-controls/src/controls-view.js'),
    import('../packages/contact-card/src/card-view.js'),
  ]);
  return {};
};

/** Console errors during a story fail its story test: a story must render cleanly. */
let consoleErrors: unknown[][] = [];
const originalConsoleError = console.error.bind(console);

const preview: Preview = {
  decorators: [withEventActions, withGlobals],
  loaders: [loadViews],
  beforeEach() {
    consoleErrors = [];
    console.error = (...args: unknown[]) => {
      consoleErrors.push(args);
      originalConsoleError(...args);
    };
    return () => {
      console.error = originalConsoleError;
    };
  },
  afterEach() {
    if (consoleErrors.length > 0) {
      const first = consoleErrors[0]!.map(String).join(' ');
      throw new Error(`The story logged ${consoleErrors.length} console error(s); first: ${first}`);
    }
  },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'system', title: 'System' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'forced-light', title: 'Forced colors, light (preview)' },
          { value: 'forced-dark', title: 'Forced colors, dark (preview)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
          { value: 'es', title: 'Español' },
          { value: 'it', title: 'Italiano' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'nl', title: 'Nederlands' },
          { value: 'ja', title: '日本語' },
          { value: 'zh-CN', title: '中文（简体）' },
          { value: 'ar', title: 'العربية' },
          { value: 'he', title: 'עברית' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: 'From locale' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    density: {
      description: 'Density',
      toolbar: {
        title: 'Density',
        icon: 'component',
        items: [
          { value: 'comfortable', title: 'Comfortable' },
          { value: 'compact', title: 'Compact' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    theme: 'light',
    locale: 'en',
    dir: 'auto',
    density: 'comfortable',
    viewport: { value: 'cifPanel340', isRotated: false },
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    viewport: { options: panelViewports },
    // Accessibility violations fail the story tests.
    a11y: { test: 'error' },
    // Props, attributes, events, slots, CSS properties, parts and states from the manifests.
    docs: { toc: true, extractArgTypes, extractComponentDescription },
  },
  tags: ['autodocs'],
};

export default preview;
