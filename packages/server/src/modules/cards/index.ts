export { createCardService, type CardService } from './card.service';
export { cardRoutes } from './card.routes';
export { verifyLedger } from './card.verify';
export { createCardNightly } from './card.nightly';
