export { createUserService, type NewUser, type UserService } from './user.service';
export { userRoutes } from './user.routes';
