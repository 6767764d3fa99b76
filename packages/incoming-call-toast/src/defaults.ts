/** Defaults shared by the element and its lazily loaded view. */
export const DEFAULT_TIMEOUT = 30;
export const DEFAULT_VOLUME = 0.8;
