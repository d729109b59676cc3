export { createTelephonyService, type TelephonyService } from './telephony.service';
export { telephonyRoutes } from './telephony.routes';
export { amiConfigFromEnv, type AmiConfig } from './ami.client';
