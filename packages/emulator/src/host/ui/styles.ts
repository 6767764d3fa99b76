/** The host page's stylesheet (scoped under `.cif-emu`; Fluent 2 colours so widgets look at home). */
export const hostStyles = `
.cif-emu {
  --emu-bg: #f5f5f5; --emu-surface: #ffffff; --emu-text: #242424; --emu-muted: #5c5c5c;
  --emu-border: #d1d1d1; --emu-brand: #0f6cbd; --emu-brand-text: #ffffff; --emu-header: #1b1a19;
  --emu-danger: #b10e1c; --emu-success: #0e700e; --emu-warning: #8a4600; --emu-focus: #000000;
  --emu-panel-width: 340px;
  font: 14px/1.4 "Segoe UI", system-ui, -apple-system, sans-serif; color: var(--emu-text);
  background: var(--emu-bg); display: grid; grid-template-rows: auto 1fr auto; height: 100%;
  min-height: 100vh; box-sizing: border-box;
}
@media (prefers-color-scheme: dark) {
  .cif-emu { --emu-bg: #1f1f1f; --emu-surface: #292929; --emu-text: #ffffff; --emu-muted: #d1d1d1;
    --emu-border: #5c5c5c; --emu-brand: #479ef5; --emu-brand-text: #000000; --emu-header: #0a0a0a;
    --emu-danger: #f1707b; --emu-success: #54b054; --emu-warning: #f4bfab; --emu-focus: #ffffff; }
}
.cif-emu *, .cif-emu *::before, .cif-emu *::after { box-sizing: inherit; }
.cif-emu :focus-visible { outline: 2px solid var(--emu-focus); outline-offset: 2px; }
.cif-emu button { font: inherit; cursor: pointer; border: 1px solid var(--emu-border); border-radius: 4px;
  background: var(--emu-surface); color: var(--emu-text); padding: 4px 10px; }
.cif-emu button.primary { background: var(--emu-brand); color: var(--emu-brand-text); border-color: var(--emu-brand); }
.cif-emu button.danger { color: var(--emu-danger); }
.cif-emu button.link { border: none; background: none; color: var(--emu-brand); padding: 0; text-decoration: underline; text-align: start; }
.cif-emu input, .cif-emu select, .cif-emu textarea { font: inherit; color: var(--emu-text); background: var(--emu-surface);
  border: 1px solid var(--emu-border); border-radius: 4px; padding: 3px 6px; }
.cif-emu .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.cif-emu-header { display: flex; align-items: center; gap: 16px; padding: 6px 16px; background: var(--emu-header); color: #ffffff; }
.cif-emu-header h1 { font-size: 15px; margin: 0; font-weight: 600; }
.cif-emu-header .org { opacity: 0.85; }
.cif-emu-header .spacer { flex: 1; }
.cif-emu-header label { display: flex; gap: 6px; align-items: center; }
.cif-emu-header select { background: #ffffff; color: #242424; }
.cif-emu-presence-dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 1px solid #ffffff; }
.cif-emu-body { display: flex; min-height: 0; overflow: hidden; }
.cif-emu-sessions { width: 200px; flex: none; background: var(--emu-surface); border-inline-end: 1px solid var(--emu-border); padding: 8px; overflow: auto; }
.cif-emu-sessions h2, .cif-emu-sitemap h2 { font-size: 12px; text-transform: uppercase; color: var(--emu-muted); margin: 4px 0 8px; }
.cif-emu-sessions ul, .cif-emu-sitemap ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.cif-emu-session { display: flex; align-items: center; gap: 4px; }
.cif-emu-session > button:first-child { flex: 1; min-width: 0; text-align: start; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cif-emu-session[data-focused] > button:first-child { border-color: var(--emu-brand); box-shadow: inset 3px 0 0 var(--emu-brand); }
.cif-emu-badge { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: var(--emu-brand); color: var(--emu-brand-text); font-size: 11px; text-align: center; }
.cif-emu-badge.kpi { background: var(--emu-danger); color: #ffffff; }
.cif-emu-main { flex: 1; min-width: 0; display: flex; min-height: 0; }
.cif-emu-sitemap { width: 170px; flex: none; padding: 8px; border-inline-end: 1px solid var(--emu-border); overflow: auto; }
.cif-emu-workspace { flex: 1; min-width: 0; display: flex; flex-direction: column; min-height: 0; }
.cif-emu-tabs { display: flex; gap: 2px; padding: 6px 8px 0; border-bottom: 1px solid var(--emu-border); flex-wrap: wrap; }
.cif-emu-tabs [role="tab"] { border-bottom-left-radius: 0; border-bottom-right-radius: 0; }
.cif-emu-tabs [role="tab"][aria-selected="true"] { background: var(--emu-surface); border-bottom-color: var(--emu-surface); font-weight: 600; }
.cif-emu-tab { display: inline-flex; align-items: center; gap: 6px; }
.cif-emu-tab .close { padding: 0 4px; border-radius: 3px; }
.cif-emu-tab .close:hover { background: var(--emu-border); }
.cif-emu-page { flex: 1; overflow: auto; padding: 16px; background: var(--emu-surface); }
.cif-emu-page h2 { margin: 0 0 4px; font-size: 20px; }
.cif-emu-page .subtitle { color: var(--emu-muted); margin: 0 0 12px; }
.cif-emu table { border-collapse: collapse; width: 100%; }
.cif-emu th, .cif-emu td { text-align: start; padding: 4px 8px; border-bottom: 1px solid var(--emu-border); vertical-align: top; }
.cif-emu-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 10px 16px; margin: 12px 0; }
.cif-emu-field { display: grid; gap: 2px; }
.cif-emu-field label, .cif-emu-field .label { font-size: 12px; color: var(--emu-muted); }
.cif-emu-field .with-action { display: flex; gap: 4px; }
.cif-emu-field .with-action input { flex: 1; min-width: 0; }
.cif-emu-actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.cif-emu-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.cif-emu-card { border: 1px solid var(--emu-border); border-radius: 6px; padding: 12px; }
.cif-emu-card h3 { margin: 0 0 8px; font-size: 14px; }
.cif-emu-panel { flex: none; display: flex; border-inline-start: 1px solid var(--emu-border); background: var(--emu-surface); position: relative; }
.cif-emu-panel .resize { width: 6px; cursor: ew-resize; background: var(--emu-border); border: none; border-radius: 0; padding: 0; }
.cif-emu-panel-inner { display: flex; flex-direction: column; width: var(--emu-panel-width); }
.cif-emu-panel-header { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid var(--emu-border); }
.cif-emu-panel-header h2 { font-size: 14px; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cif-emu .cif-emu-embed { width: 100%; height: 100%; border: 0; }
.cif-emu-panel iframe { flex: 1; width: 100%; border: none; background: #ffffff; }
.cif-emu-panel .placeholder { padding: 16px; color: var(--emu-muted); }
.cif-emu-panel[data-mode="0"] .cif-emu-panel-inner, .cif-emu-panel[data-mode="3"] .cif-emu-panel-inner { width: 48px; }
.cif-emu-panel[data-mode="0"] iframe, .cif-emu-panel[data-mode="3"] iframe,
.cif-emu-panel[data-mode="0"] .placeholder, .cif-emu-panel[data-mode="3"] .placeholder,
.cif-emu-panel[data-mode="0"] .resize, .cif-emu-panel[data-mode="3"] .resize { display: none; }
.cif-emu-panel[data-mode="0"] .cif-emu-panel-header h2, .cif-emu-panel[data-mode="3"] .cif-emu-panel-header h2 { display: none; }
.cif-emu-panel[data-mode="2"] { display: none; }
.cif-emu-toasts { position: fixed; inset-block-start: 56px; inset-inline-end: 16px; z-index: 10; width: min(360px, 90vw); display: grid; gap: 8px; }
.cif-emu-toast { background: var(--emu-surface); border: 1px solid var(--emu-border); border-inline-start: 4px solid var(--emu-brand);
  border-radius: 6px; padding: 12px; box-shadow: 0 8px 16px rgba(0, 0, 0, 0.14); }
.cif-emu-toast[data-theme="warning"] { border-inline-start-color: var(--emu-warning); }
.cif-emu-toast[data-theme="danger"] { border-inline-start-color: var(--emu-danger); }
.cif-emu-toast h2 { margin: 0 0 6px; font-size: 15px; }
.cif-emu-toast dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0 0 8px; }
.cif-emu-toast dt { color: var(--emu-muted); }
.cif-emu-toast dd { margin: 0; }
.cif-emu-tools { border-top: 1px solid var(--emu-border); background: var(--emu-surface); max-height: 38vh; display: flex; flex-direction: column; }
.cif-emu-tools > .bar { display: flex; align-items: center; gap: 8px; padding: 4px 8px; }
.cif-emu-tools > .bar h2 { font-size: 13px; margin: 0; }
.cif-emu-tools [role="tablist"] { display: flex; gap: 2px; }
.cif-emu-tools [role="tab"][aria-selected="true"] { background: var(--emu-brand); color: var(--emu-brand-text); border-color: var(--emu-brand); }
.cif-emu-tools [role="tabpanel"] { overflow: auto; padding: 8px 12px; }
.cif-emu-tools fieldset { border: 1px solid var(--emu-border); border-radius: 4px; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
.cif-emu-tools fieldset label { display: grid; gap: 2px; font-size: 12px; }
.cif-emu-log td { font-family: ui-monospace, Consolas, monospace; font-size: 12px; }
.cif-emu-log pre { margin: 0; white-space: pre-wrap; word-break: break-word; max-height: 160px; overflow: auto; }
.cif-emu-status { font-weight: 600; }
.cif-emu-status[data-status="success"] { color: var(--emu-success); }
.cif-emu-status[data-status="failure"], .cif-emu-status[data-status="rejected"], .cif-emu-status[data-status="timeout"] { color: var(--emu-danger); }
.cif-emu-status[data-status="warning"], .cif-emu-status[data-status="dropped"] { color: var(--emu-warning); }
.cif-emu-warnings { background: #fff4ce; color: #242424; padding: 6px 16px; margin: 0; }
@media (forced-colors: active) {
  .cif-emu button.primary, .cif-emu-tools [role="tab"][aria-selected="true"] { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  .cif-emu-session[data-focused] > button:first-child { outline: 2px solid Highlight; }
  .cif-emu-badge { border: 1px solid CanvasText; }
}
`;
