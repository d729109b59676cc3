import type { Complaint } from '@kefu/shared';
import type { Ctx } from '../../lib/context';
import { createComplaintCore, type ComplaintDeps } from './complaint.core';
import { createFollowUps } from './complaint.follow-ups';
import { createLister } from './complaint.list';
import { createPromises } from './complaint.promises';
import { createRegister } from './complaint.register';
import { createComplaintSettings } from './complaint.settings';
import { createSideActions } from './complaint.side';
import { createSteps } from './complaint.steps';
import { createTransfers } from './complaint.transfers';
import { createWatch } from './complaint.watch';

/**
 * Complaint cases (客诉), SPEC §5: the use cases in domain verbs. Each lives in its own file; this
 * puts them together with their dependencies (the database, the clock, the business calendar).
 */
export function createComplaintService(deps: ComplaintDeps) {
  const settings = createComplaintSettings(deps);
  const core = createComplaintCore({ ...deps, settings });
  const { list, steps } = createLister(core);
  const transfers = createTransfers(core);
  const promises = createPromises(core);
  const followUps = createFollowUps(core);

  async function get(ctx: Ctx, id: string): Promise<Complaint> {
    const e = await core.env();
    const { row, view } = await core.load(ctx, id);
    return core.presentOne(ctx, row, view, e);
  }

  return {
    ...createRegister(core),
    get,
    list,
    steps,
    ...createSteps(core),
    ...createSideActions(core),
    transfer: transfers.transfer,
    answerTransfer: transfers.answer,
    transfersOf: transfers.listForCase,
    transferInbox: transfers.inbox,
    promise: promises.promise,
    keepPromise: promises.keep,
    promises: promises.list,
    followUpsOf: followUps.listForCase,
    followUpDone: followUps.done,
    /** for the follow-ups module: a task reached and recorded marks the case's follow-up done, in the task's transaction */
    followUpDoneWithin: followUps.doneWithin,
    settings: settings.read,
    saveSettings: settings.save,
    ...createWatch(core),
  };
}
export type ComplaintService = ReturnType<typeof createComplaintService>;
