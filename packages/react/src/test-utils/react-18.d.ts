// React 18, installed under an alias for the compatibility tests (served by test/wtr-plugins.mjs). Its
// API is typed with React 19's types: the tests use only what both versions share.
/* eslint-disable @typescript-eslint/no-require-imports -- an ambient module re-exports an `export =` module only through `import … = require()` */
declare module 'react-18' {
  import React = require('react');
  export = React;
}
declare module 'react-dom-18/client' {
  import ReactDOMClient = require('react-dom/client');
  export = ReactDOMClient;
}
