/**
 * The operator's one page: users (email or "guest"), how many interviews each has, when they
 * arrived and when they were last active, and deleting a user with all their data. Only for
 * signed-in accounts whose email is in ADMIN_EMAILS; to anyone else these URLs don't exist
 * (404, checked in onRequest — before CSRF or anything else can tell them apart).
 */
import type { FastifyInstance } from 'fastify';
import { Errors } from '../errors.js';
import { currentVisitor } from './visitor.js';
import { render, seeOther } from './render.js';
import { adminUserDeletePageData, adminUsersPageData } from '../views/admin-view.js';

import { typedRoutes, UserParams } from './schemas.js';

const LIST_LIMIT = 500;

export async function adminRoutes(plain: FastifyInstance) {
  const app = typedRoutes(plain);
  const { accounts } = app.services;

  app.addHook('onRequest', async (request) => {
    if (!currentVisitor(request).isAdmin) throw Errors.notFound();
  });

  app.get('/admin/users', async (request, reply) => {
    return render(reply, 'pages/admin-users', adminUsersPageData(await accounts.listUsers(LIST_LIMIT), LIST_LIMIT, currentVisitor(request).id));
  });

  app.get('/admin/users/:id/delete', { schema: { params: UserParams } }, async (request, reply) => {
    const user = await accounts.findUser(request.params.id);
    if (!user) throw Errors.notFound();
    return render(reply, 'pages/admin-user-delete', adminUserDeletePageData(user, currentVisitor(request).id));
  });

  app.post('/admin/users/:id/delete', { schema: { params: UserParams } }, async (request, reply) => {
    const admin = currentVisitor(request);
    await accounts.deleteUserAsAdmin(admin, request.params.id);
    // An audit trail of the one admin power (ids only: the deleted user's email is gone with them).
    request.log.warn({ adminId: admin.id, deletedUserId: request.params.id }, 'operator deleted a user and their data');
    return seeOther(reply, '/admin/users?done=user-deleted');
  });
}
