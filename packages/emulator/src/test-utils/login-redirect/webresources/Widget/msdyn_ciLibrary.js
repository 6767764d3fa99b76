// What msdyn_ciLibrary.js is when Dynamics 365 redirects the request to its sign-in page (third-party
// cookies blocked, or not signed in): a script that loads and runs, but defines no Microsoft.CIFramework.
// `crm-url` = <test server>/packages/emulator/src/test-utils/login-redirect points a widget at it.
document.documentElement.dataset.cifLoginRedirect = 'loaded';
