export { createResourceService, resourceNotFound, type ResourceService } from './resource.service';
export { resourceRoutes } from './resource.routes';
