export { createFollowUpRuleService, type FollowUpRuleService } from './rule.service';
export { followUpRuleRoutes } from './rule.routes';
export { monthlyByEngine, monthlyInRanges, idRanges } from './rule.registry';
export { monthlyCoverage } from './rules.customers';
export { ruleEnv } from './rule.env';
