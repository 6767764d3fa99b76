declare module 'virtual:cif-manifest' {
  const manifest: { schemaVersion: string; modules: unknown[] };
  export default manifest;
}
