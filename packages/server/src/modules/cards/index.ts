export { createCardService, type CardService } from './card.service';
export { cardRoutes } from './card.routes';
export { verifyLedger } from './card.verify';
export { createCardNightly } from './card.nightly';
// for the member area's extras (referrals reward through the ledger, their lists export to Excel)
export { postEntry } from './card.ledger';
export { lockCard, selectCardRows, type CardRow } from './card.repo';
export { buildSheet, attachmentOf, XLSX, type SheetColumn } from './card.sheet';
export type { TopUpHook } from './card.service';
// for the bookings area: which card a booking or a waiting-list entry is charged to, and where its lesson stands
export { cardLabels, holdStates, type CardLabel, type HoldStateName } from './card.booking-facts';
