export { createKnowledgeService, type KnowledgeService } from './knowledge.service';
export { knowledgeRoutes } from './knowledge.routes';
export { fields as articleFields } from './knowledge.service';
