// Loaded before every test file. A Lit dev-mode warning (class-field shadowing, change-in-update, …)
// is a bug in our elements: turn it into an uncaught error so the test run fails and names it.
const warn = console.warn.bind(console);
console.warn = (...args) => {
  const text = args.map(String).join(' ');
  if (text.includes('lit.dev/msg/')) {
    warn(...args);
    setTimeout(() => {
      throw new Error(`Lit warning during test: ${text}`);
    });
    return;
  }
  warn(...args);
};
