export { AdminDatabaseRepository } from './admin-database.repository';
export { AdminUserService } from './admin-user.service';
export { AdminStatusService } from './admin-status.service';
export { AdminResolver } from './admin.resolver';
export { AdminError } from './admin.errors';
