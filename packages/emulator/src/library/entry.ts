// The classic-script entry of msdyn_ciLibrary.js (bundled as an IIFE by the server and by build:assets).
import { installCIFramework } from './createCIFramework.js';

installCIFramework(window);
