import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
// @ts-expect-error plain JavaScript helper shared with web-test-runner
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

const executablePath = (findChromium as () => string | undefined)();

/**
 * Story tests: every story rendered in headless Chromium with axe violations as errors, once per
 * theme × direction (the mode overrides the toolbar defaults in .storybook/preview.ts).
 */
const modes = [
  { theme: 'light', dir: 'ltr', locale: 'en' },
  { theme: 'dark', dir: 'ltr', locale: 'en' },
  { theme: 'light', dir: 'rtl', locale: 'ar' },
  { theme: 'dark', dir: 'rtl', locale: 'ar' },
] as const;

export default defineConfig({
  test: {
    projects: modes.map((mode) => ({
      extends: true,
      plugins: [storybookTest({ configDir: '.storybook' })],
      define: { __CIF_STORY_MODE__: JSON.stringify(JSON.stringify(mode)) },
      test: {
        name: `storybook-${mode.theme}-${mode.dir}`,
        browser: {
          enabled: true,
          headless: true,
          provider: playwright({
            launchOptions: { executablePath, args: chromiumArgs as string[] },
            // Entrance animations would let axe read half-faded colours: stories are checked at rest.
            contextOptions: { reducedMotion: 'reduce' },
          }),
          instances: [{ browser: 'chromium' }],
        },
      },
    })),
  },
});
