export { createScriptService, type ScriptService } from './script.service';
export { scriptRoutes } from './script.routes';
