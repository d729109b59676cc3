export { createJobScheduler, type JobDefinition, type JobLog, type JobScheduler } from './job.scheduler';
export { nextRunAfter, firstRun } from './job.schedule';
export { jobRoutes } from './job.routes';
export { registerJobs } from './job.registry';
