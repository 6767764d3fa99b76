/**
 * System design tokens. Defaults follow Microsoft's Fluent 2 so that CIF Elements look at home in the
 * Dynamics 365 channel panel. Each token has a light and a dark value (the same when the theme does not
 * change it) and, where it is a colour, a forced-colors (Windows high contrast) system colour. A token is
 * declared once: where the dark value differs it becomes `light-dark(<light>, <dark>)`, so the two values
 * may differ only in colours (a shadow's colours, say), and the theme follows `color-scheme`.
 *
 * This table is the single source: `tokens` (a Lit `css` result), `tokensCssText()` and the shipped
 * `tokens.css` file are all generated from it.
 */
export interface TokenDefinition {
  /** Light theme value. */
  readonly light: string;
  /** Dark theme value; omitted when it equals the light value. */
  readonly dark?: string;
  /** A CSS system colour used when `forced-colors: active`. */
  readonly forced?: string;
  /** What the token is for (shown in the Storybook token page). */
  readonly description: string;
}

const fontStack =
  '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

export const tokenDefinitions = {
  '--cif-color-surface': {
    light: '#ffffff',
    dark: '#292929',
    forced: 'Canvas',
    description: 'Main background',
  },
  '--cif-color-surface-alt': {
    light: '#f5f5f5',
    dark: '#1f1f1f',
    forced: 'Canvas',
    description: 'Secondary background: keys, cards, inputs',
  },
  '--cif-color-surface-hover': {
    light: '#ebebeb',
    dark: '#3d3d3d',
    forced: 'Canvas',
    description: 'Hovered secondary background',
  },
  '--cif-color-surface-active': {
    light: '#e0e0e0',
    dark: '#333333',
    forced: 'Canvas',
    description: 'Pressed secondary background',
  },
  '--cif-color-on-surface': {
    light: '#242424',
    dark: '#ffffff',
    forced: 'CanvasText',
    description: 'Main text',
  },
  '--cif-color-on-surface-muted': {
    light: '#616161',
    dark: '#adadad',
    forced: 'CanvasText',
    description: 'Secondary text (meets 4.5:1 on surface and surface-alt)',
  },
  '--cif-color-border': {
    light: '#d1d1d1',
    dark: '#666666',
    forced: 'CanvasText',
    description: 'Decorative borders and dividers',
  },
  '--cif-color-border-strong': {
    light: '#616161',
    dark: '#adadad',
    forced: 'CanvasText',
    description: 'Borders of controls (meets 3:1)',
  },
  '--cif-color-primary': {
    light: '#0f6cbd',
    dark: '#115ea3',
    forced: 'Highlight',
    description: 'Brand colour: primary actions',
  },
  '--cif-color-primary-hover': {
    light: '#115ea3',
    dark: '#0f6cbd',
    forced: 'Highlight',
    description: 'Hovered primary action',
  },
  '--cif-color-primary-active': {
    light: '#0c3b5e',
    dark: '#0f548c',
    forced: 'Highlight',
    description: 'Pressed primary action',
  },
  '--cif-color-on-primary': {
    light: '#ffffff',
    forced: 'HighlightText',
    description: 'Text on the brand colour',
  },
  '--cif-color-link': {
    light: '#115ea3',
    dark: '#479ef5',
    forced: 'LinkText',
    description: 'Links and text actions',
  },
  '--cif-color-danger': {
    light: '#c50f1f',
    dark: '#c50f1f',
    forced: 'Highlight',
    description: 'Destructive actions: decline, end call',
  },
  '--cif-color-danger-hover': {
    light: '#b10e1c',
    dark: '#dc2d3b',
    forced: 'Highlight',
    description: 'Hovered destructive action',
  },
  '--cif-color-on-danger': {
    light: '#ffffff',
    forced: 'HighlightText',
    description: 'Text on the danger colour',
  },
  '--cif-color-danger-text': {
    light: '#b10e1c',
    dark: '#e37d80',
    forced: 'CanvasText',
    description: 'Error text on surface',
  },
  '--cif-color-success': {
    light: '#107c10',
    dark: '#107c10',
    forced: 'Highlight',
    description: 'Positive actions: answer, call',
  },
  '--cif-color-success-hover': {
    light: '#0e700e',
    dark: '#218c21',
    forced: 'Highlight',
    description: 'Hovered positive action',
  },
  '--cif-color-on-success': {
    light: '#ffffff',
    forced: 'HighlightText',
    description: 'Text on the success colour',
  },
  '--cif-color-success-text': {
    light: '#0e700e',
    dark: '#54b054',
    forced: 'CanvasText',
    description: 'Success text on surface',
  },
  '--cif-color-warning-text': {
    light: '#bc4b09',
    dark: '#faa06b',
    forced: 'CanvasText',
    description: 'Warning text on surface',
  },
  '--cif-color-focus': {
    light: '#000000',
    dark: '#ffffff',
    forced: 'Highlight',
    description: 'Focus ring (outer)',
  },
  '--cif-color-focus-inner': {
    light: '#ffffff',
    dark: '#000000',
    forced: 'Canvas',
    description: 'Focus ring (inner)',
  },
  '--cif-color-backdrop': {
    light: 'rgb(0 0 0 / 0.4)',
    dark: 'rgb(0 0 0 / 0.6)',
    description: 'Overlay backdrops',
  },
  '--cif-space-1': { light: '2px', description: 'Spacing step 1' },
  '--cif-space-2': { light: '4px', description: 'Spacing step 2' },
  '--cif-space-3': { light: '8px', description: 'Spacing step 3' },
  '--cif-space-4': { light: '12px', description: 'Spacing step 4' },
  '--cif-space-5': { light: '16px', description: 'Spacing step 5' },
  '--cif-space-6': { light: '24px', description: 'Spacing step 6' },
  '--cif-radius-sm': { light: '2px', description: 'Small corner radius' },
  '--cif-radius-md': { light: '4px', description: 'Medium corner radius (controls)' },
  '--cif-radius-lg': { light: '8px', description: 'Large corner radius (cards, toasts)' },
  '--cif-radius-circle': { light: '9999px', description: 'Fully rounded' },
  '--cif-font-family': { light: fontStack, description: 'Text font (Segoe UI first)' },
  '--cif-font-family-numeric': {
    light: `${fontStack}`,
    description: 'Font for numbers and timers (tabular figures are enabled separately)',
  },
  '--cif-font-size-sm': { light: '12px', description: 'Caption text' },
  '--cif-font-size-md': { light: '14px', description: 'Body text' },
  '--cif-font-size-lg': { light: '16px', description: 'Subtitle text' },
  '--cif-font-size-xl': { light: '20px', description: 'Title text' },
  '--cif-font-size-xxl': { light: '28px', description: 'Display text: dialled number' },
  '--cif-font-weight-regular': { light: '400', description: 'Regular weight' },
  '--cif-font-weight-semibold': { light: '600', description: 'Emphasis weight' },
  '--cif-line-height': { light: '1.43', description: 'Body line height' },
  '--cif-shadow-sm': {
    light: '0 0 2px rgb(0 0 0 / 0.12), 0 2px 4px rgb(0 0 0 / 0.14)',
    dark: '0 0 2px rgb(0 0 0 / 0.24), 0 2px 4px rgb(0 0 0 / 0.28)',
    description: 'Raised controls',
  },
  '--cif-shadow-lg': {
    light: '0 0 2px rgb(0 0 0 / 0.12), 0 8px 16px rgb(0 0 0 / 0.14)',
    dark: '0 0 2px rgb(0 0 0 / 0.24), 0 8px 16px rgb(0 0 0 / 0.28)',
    description: 'Floating surfaces: toasts, menus',
  },
  '--cif-duration-fast': { light: '150ms', description: 'Short transitions' },
  '--cif-duration-normal': { light: '250ms', description: 'Entrances and exits' },
  '--cif-easing': { light: 'cubic-bezier(0.33, 0, 0.67, 1)', description: 'Standard easing' },
  '--cif-target-size': {
    light: '44px',
    description: 'Minimum interactive target size (WCAG 2.5.5)',
  },
  '--cif-target-size-compact': {
    light: '32px',
    description: 'Target size at compact density (still above WCAG 2.5.8 minimum of 24px)',
  },
  '--cif-focus-width': { light: '2px', description: 'Focus ring width' },
} as const satisfies Record<`--cif-${string}`, TokenDefinition>;

/** The name of every system token. */
export type CifTokenName = keyof typeof tokenDefinitions;
