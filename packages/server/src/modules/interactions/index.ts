export { createInteractionService, type InteractionService, type CallRecord } from './interaction.service';
export { interactionRoutes } from './interaction.routes';
